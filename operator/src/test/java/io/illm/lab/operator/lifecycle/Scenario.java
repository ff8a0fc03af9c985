package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.rules.ComponentRefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A generated experiment and the order of events it meets: 1-4 targets on gke, eks, aks or the hub,
 * a random {@code depends} DAG (now and then a cycle), either completion mode, any cleanup policy,
 * sometimes short deadlines, an unknown component or a missing workflow template, and a list of
 * choices that {@link LifecycleReplay} turns into world events.
 */
record Scenario(
    String name,
    ExperimentSpec spec,
    Set<String> missingComponents,
    boolean templateMissing,
    List<Integer> choices) {

  static final Provider[] PROVIDERS = {Provider.GKE, Provider.EKS, Provider.AKS, Provider.HUB};

  static Gen<Scenario> scenarios() {
    return in -> {
      String name = pick(in, 4) == 0 ? "a-rather-long-experiment-name-to-shorten" : "exp";
      ExperimentSpec spec = spec(in);
      Set<String> missing = new TreeSet<>();
      List<String> components =
          spec.getTargets().stream()
              .flatMap(t -> t.getComponents().stream())
              .map(ComponentRefs::name)
              .toList();
      if (!components.isEmpty() && pick(in, 25) == 0) {
        missing.add(components.get(pick(in, components.size())));
      }
      boolean templateMissing = pick(in, 25) == 0;
      int length = 10 + pick(in, 110);
      List<Integer> choices = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        choices.add(pick(in, 1000));
      }
      return new Scenario(name, spec, missing, templateMissing, choices);
    };
  }

  private static ExperimentSpec spec(RandomnessSource in) {
    int n = 1 + pick(in, 4);
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> depends = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        if (pick(in, 3) == 0) {
          depends.add("t" + j);
        }
      }
      List<ComponentRef> components = new ArrayList<>();
      for (int k = pick(in, 3); k > 0; k--) {
        components.add(
            new ComponentRef("c" + i + k, null, null, k == 2 ? Map.of("replicas", "2") : null));
      }
      ClusterSpec cluster = new ClusterSpec();
      cluster.setProvider(PROVIDERS[pick(in, PROVIDERS.length)]);
      targets.add(new Target("t" + i, cluster, components, null, depends));
    }
    if (n > 1 && pick(in, 20) == 0) {
      targets.get(0).getDepends().add("t" + (n - 1));
      if (!targets.get(n - 1).getDepends().contains("t0")) {
        targets.get(n - 1).getDepends().add("t0");
      }
    }
    List<Target> shuffled = new ArrayList<>();
    while (!targets.isEmpty()) {
      shuffled.add(targets.remove(pick(in, targets.size())));
    }
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(shuffled);
    CompletionMode mode = pick(in, 2) == 0 ? CompletionMode.WORKFLOW : CompletionMode.MANUAL;
    spec.setWorkflow(new WorkflowSpec("load", new Completion(mode), null));
    spec.setCleanup(new CleanupPolicy(rule(in), rule(in)));
    spec.setDeadlines(deadlines(in));
    if (pick(in, 4) == 0) {
      spec.setBudget(new io.illm.lab.model.Budget(new double[] {0.5, 2, 10}[pick(in, 3)]));
    }
    return spec;
  }

  private static CleanupRule rule(RandomnessSource in) {
    return switch (pick(in, 5)) {
      case 0 -> null;
      case 1 -> new CleanupRule(CleanupAction.DELETE, null);
      case 2 -> new CleanupRule(CleanupAction.RETAIN, null);
      case 3 -> new CleanupRule(CleanupAction.RETAIN, "30m");
      default -> new CleanupRule(CleanupAction.RETAIN, "3h");
    };
  }

  private static Deadlines deadlines(RandomnessSource in) {
    if (pick(in, 3) != 0) {
      return null;
    }
    return new Deadlines(
        "10m", "5m", pick(in, 2) == 0 ? "20m" : "1h30m", "2m", pick(in, 2) == 0 ? "45m" : null);
  }

  private static int pick(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name).append(": ");
    for (Target t : spec.getTargets()) {
      text.append(t.getName())
          .append('[')
          .append(t.getCluster().getProvider())
          .append(' ')
          .append(t.getComponents().stream().map(ComponentRefs::name).toList())
          .append(" depends ")
          .append(t.getDepends())
          .append("] ");
    }
    text.append(spec.getWorkflow().getCompletion().getMode())
        .append(" cleanup ")
        .append(spec.getCleanup())
        .append(" deadlines ")
        .append(spec.getDeadlines())
        .append(" budget ")
        .append(spec.getBudget())
        .append(" missing ")
        .append(missingComponents)
        .append(" templateMissing ")
        .append(templateMissing)
        .append(" choices ")
        .append(choices);
    return text.toString();
  }
}
