package io.illm.lab.hub.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a fresh local hub is given from the lab checkout: the lab's CRDs ({@code generated-crds/})
 * and the child CRD subsets it uses (from the operator's classpath), the platform's namespaces and
 * the operator's RBAC ({@code platform/operator/rbac/}); the Components of {@code components/} and
 * a placeholder WorkflowTemplate for every experiment under {@code experiments/} come with the
 * simulated clouds ({@link SimCloud}).
 */
final class HubContent {

  static final List<String> CHILD_CRDS =
      List.of(
          "clusterclaims.illm.io.yaml",
          "applications.argoproj.io.yaml",
          "workflows.argoproj.io.yaml",
          "workflowtemplates.argoproj.io.yaml");

  /** The operator's own namespace (its ServiceAccount, its Lease, its pending runs). */
  static final String OPERATOR_NAMESPACE = "illm-lab-system";

  static final String OPERATOR_ACCOUNT = "illm-lab-operator";

  private HubContent() {}

  /** CRDs (waited for until served), namespaces and RBAC. */
  static void install(KubernetesClient admin, Path labRoot, Placement placement) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : yaml(labRoot.resolve("generated-crds"))) {
      crds.add(crd(admin, file));
    }
    for (String file : CHILD_CRDS) {
      crds.add(childCrd(admin, file));
    }
    crds.forEach(crd -> admin.resource(crd).createOr(NonDeletingOperation::update));
    for (CustomResourceDefinition crd : crds) {
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(HubContent::established, 60, TimeUnit.SECONDS);
    }
    TreeSet<String> namespaces =
        new TreeSet<>(
            List.of(
                placement.claims(), placement.argocd(), placement.workflows(), OPERATOR_NAMESPACE));
    for (String namespace : namespaces) {
      admin
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .createOr(NonDeletingOperation::update);
    }
    for (Path file : yaml(labRoot.resolve("platform/operator/rbac"))) {
      for (HasMetadata object : load(admin, file)) {
        admin.resource(object).createOr(NonDeletingOperation::update);
      }
    }
  }

  /** The Components under {@code components/}. */
  static List<Component> components(Path labRoot) {
    return yaml(labRoot.resolve("components")).stream().map(f -> read(f, Component.class)).toList();
  }

  /**
   * The WorkflowTemplates the experiments under {@code experiments/} name (each folder's {@code
   * experiment.yaml}; its {@code workflow-template.yaml} beside it is not an Experiment).
   */
  static List<String> templates(Path labRoot) {
    TreeSet<String> templates = new TreeSet<>();
    List<Path> experiments =
        yaml(labRoot.resolve("experiments")).stream()
            .filter(f -> f.getFileName().toString().equals("experiment.yaml"))
            .toList();
    for (Path file : experiments) {
      Experiment experiment = read(file, Experiment.class);
      if (experiment.getSpec() != null && experiment.getSpec().getWorkflow() != null) {
        templates.add(experiment.getSpec().getWorkflow().getTemplate());
      }
    }
    return List.copyOf(templates);
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static CustomResourceDefinition crd(KubernetesClient admin, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return admin.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CustomResourceDefinition childCrd(KubernetesClient admin, String file) {
    try (InputStream in =
        HubContent.class.getResourceAsStream("/META-INF/illm-lab/child-crds/" + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "META-INF/illm-lab/child-crds/"
                + file
                + " is not on the classpath (build the operator)");
      }
      return admin.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<HasMetadata> load(KubernetesClient admin, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return admin.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return LabYaml.read(Files.readString(file), type);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> yaml(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(folder + " does not exist (is this a lab checkout?)");
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
