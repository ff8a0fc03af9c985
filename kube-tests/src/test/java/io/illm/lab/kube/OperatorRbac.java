package io.illm.lab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operator's RBAC as shipped in {@code platform/operator/rbac/} (the one source of truth), and
 * copies of it for the tests: under another account name, or with one rule removed.
 */
public final class OperatorRbac {

  public static final Path DIR = KubeBinaries.ROOT.resolve("platform/operator/rbac");
  public static final String NAMESPACE = "illm-lab-system";
  public static final String ACCOUNT = "illm-lab-operator";

  /**
   * One rule of one ClusterRole or Role, or one verb of it.
   *
   * @param owner "ClusterRole illm-lab-operator" or "Role argocd/illm-lab-operator"
   * @param index its place in the role's rules
   * @param verb one verb of the rule; empty: the whole rule
   */
  public record Rule(String owner, int index, PolicyRule rule, Optional<String> verb) {
    @Override
    public String toString() {
      String groups =
          rule.getApiGroups().stream().map(g -> g.isEmpty() ? "core" : g).toList().toString();
      return owner
          + " rule "
          + index
          + ": "
          + groups
          + " "
          + rule.getResources()
          + " "
          + verb.map(v -> "verb " + v + " of ").orElse("")
          + rule.getVerbs();
    }

    /** Removes this rule (or its verb) from {@code rules}. */
    void removeFrom(List<PolicyRule> rules) {
      if (verb.isEmpty() || rules.get(index).getVerbs().size() == 1) {
        rules.remove(index);
      } else {
        List<String> verbs = new ArrayList<>(rules.get(index).getVerbs());
        verbs.remove(verb.get());
        rules.get(index).setVerbs(verbs);
      }
    }
  }

  private final List<HasMetadata> objects;

  private OperatorRbac(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /** The shipped files, read with {@code client}'s serialization. */
  public static OperatorRbac shipped(KubernetesClient client) {
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          objects.addAll(client.load(in).items());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OperatorRbac(objects);
  }

  /** Every rule of every role, in file order. */
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (HasMetadata object : objects) {
      List<PolicyRule> of = rulesOf(object);
      for (int i = 0; i < of.size(); i++) {
        rules.add(new Rule(owner(object), i, of.get(i), Optional.empty()));
      }
    }
    return rules;
  }

  /** Every verb of every rule of every role, in file order. */
  public List<Rule> verbs() {
    List<Rule> verbs = new ArrayList<>();
    for (Rule rule : rules()) {
      for (String verb : rule.rule().getVerbs()) {
        verbs.add(new Rule(rule.owner(), rule.index(), rule.rule(), Optional.of(verb)));
      }
    }
    return verbs;
  }

  /**
   * A copy for the account {@code illm-lab-operator-<suffix>}: every name suffixed, bindings to the
   * renamed roles and account, and {@code without} (if any) removed.
   */
  public List<HasMetadata> copy(String suffix, Optional<Rule> without) {
    List<HasMetadata> copies = new ArrayList<>();
    for (HasMetadata object : objects) {
      HasMetadata copy = clone(object);
      copy.getMetadata().setName(copy.getMetadata().getName() + "-" + suffix);
      if (copy instanceof ClusterRoleBinding binding) {
        binding.getRoleRef().setName(binding.getRoleRef().getName() + "-" + suffix);
        binding.getSubjects().forEach(s -> rename(s, suffix));
      } else if (copy instanceof RoleBinding binding) {
        binding.getRoleRef().setName(binding.getRoleRef().getName() + "-" + suffix);
        binding.getSubjects().forEach(s -> rename(s, suffix));
      }
      without
          .filter(rule -> rule.owner().equals(owner(object)))
          .ifPresent(rule -> rule.removeFrom(rulesOf(copy)));
      copies.add(copy);
    }
    return copies;
  }

  /** The account a {@link #copy} binds. */
  public static String account(String suffix) {
    return ACCOUNT + "-" + suffix;
  }

  /** Creates or replaces {@code objects}. */
  public static void apply(KubernetesClient admin, List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      admin.resource(object).createOr(NonDeletingOperation::update);
    }
  }

  /** Deletes {@code objects}. */
  public static void delete(KubernetesClient admin, List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      admin.resource(object).delete();
    }
  }

  /** The namespaces the roles are in. */
  public List<String> namespaces() {
    return objects.stream()
        .map(o -> o.getMetadata().getNamespace())
        .filter(ns -> ns != null)
        .distinct()
        .sorted()
        .toList();
  }

  private static void rename(Subject subject, String suffix) {
    if ("ServiceAccount".equals(subject.getKind())) {
      subject.setName(subject.getName() + "-" + suffix);
    }
  }

  private static List<PolicyRule> rulesOf(HasMetadata object) {
    if (object instanceof ClusterRole role) {
      return role.getRules();
    }
    if (object instanceof Role role) {
      return role.getRules();
    }
    return new ArrayList<>();
  }

  private static String owner(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T clone(T object) {
    var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    return (T) serialization.unmarshal(serialization.asJson(object), object.getClass());
  }
}
