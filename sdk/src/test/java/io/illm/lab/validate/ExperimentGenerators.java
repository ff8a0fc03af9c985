package io.illm.lab.validate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.Better;
import io.illm.lab.model.Budget;
import io.illm.lab.model.Category;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.ObservabilitySpec;
import io.illm.lab.model.ParameterType;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.Transport;
import io.illm.lab.model.WorkflowSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of valid experiments (they validate without a single problem against
 * {@link #catalogue()}): 1-4 targets with random acyclic depends, every provider with a valid
 * machine shape, metrics and criteria that reference them, completion modes, deadlines within their
 * total, cleanup, budget. Meant for reuse, e.g. for YAML round-trip properties.
 */
public final class ExperimentGenerators {

  private static final List<String> WORDS =
      List.of(
          "app", "db", "load", "tsdb", "edge", "cache", "api", "gen", "vm", "mimir", "loki",
          "kafka", "bench", "ssd", "hdd");
  private static final List<String> METRICS =
      List.of(
          "cpu_total",
          "memory_total",
          "p99_latency",
          "throughput_rps",
          "error_rate",
          "disk_io",
          "ingest_rate",
          "query_latency");
  private static final List<String> GKE_MACHINES =
      List.of("e2-medium", "e2-standard-4", "c3-standard-8");
  private static final List<String> EKS_MACHINES = List.of("m6i.large", "t3.medium");
  private static final List<String> AKS_MACHINES = List.of("Standard_D2s_v5", "Standard_D4s_v5");

  private ExperimentGenerators() {}

  /**
   * The components generated experiments reference: one Helm app, one Git app, a workflow, a
   * config.
   */
  public static ComponentCatalogue catalogue() {
    return ComponentCatalogue.of(
        List.of(
            component(
                "prometheus",
                ComponentType.APP,
                new ComponentSource(
                    "https://prometheus-community.github.io/helm-charts",
                    "79.9.0",
                    null,
                    "kube-prometheus-stack",
                    null,
                    new HelmSource(
                        null, null, List.of(new HelmParameter("grafana.enabled", "true", null)))),
                List.of(
                    new ComponentParameter(
                        "grafana.enabled", ParameterType.BOOL, "true", null, null),
                    new ComponentParameter(
                        "prometheus.replicas", ParameterType.INT, "1", null, null),
                    new ComponentParameter("retention", ParameterType.STRING, null, true, null))),
            component(
                "hello-app", ComponentType.APP, git("components/apps/hello-app/k8s"), List.of()),
            component("k6-load", ComponentType.WORKFLOW, git("components/testing/k6"), List.of()),
            component("egress", ComponentType.CONFIG, git("components/core/egress"), List.of())));
  }

  /** Valid experiments. */
  public static Gen<Experiment> experiments() {
    return random -> experiment(new Draw(random));
  }

  /** A valid experiment, drawn with {@code draw}. */
  public static Experiment experiment(Draw draw) {
    Experiment experiment = new Experiment();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(draw.label(3, 14));
    if (draw.bool()) {
      metadata.setNamespace(draw.label(3, 12));
    }
    if (draw.bool()) {
      metadata.setLabels(new TreeMap<>(Map.of("illm.io/series", draw.label(1, 20))));
    }
    experiment.setMetadata(metadata);
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTitle(draw.bool() ? draw.text() : null);
    spec.setDescription(draw.bool() ? draw.text() : null);
    spec.setTags(draw.bool() ? List.of(draw.pick(WORDS)) : null);
    spec.setPublish(draw.bool() ? draw.bool() : null);
    spec.setTargets(targets(draw));
    spec.setWorkflow(
        new WorkflowSpec(
            draw.label(3, 30),
            new Completion(draw.pick(List.of(CompletionMode.values()))),
            draw.bool() ? new TreeMap<>(Map.of("duration", draw.duration(60, 7200))) : null));
    spec.setMetrics(draw.bool() ? metrics(draw) : null);
    spec.setHypothesis(draw.bool() ? hypothesis(draw, spec) : null);
    spec.setQualityGate(
        draw.bool()
            ? new QualityGate(
                draw.bool(),
                draw.between(1, 5),
                draw.between(0, 100) / 100.0,
                draw.duration(1, 600))
            : null);
    spec.setDeadlines(draw.bool() ? deadlines(draw) : null);
    spec.setCleanup(
        draw.bool()
            ? new CleanupPolicy(cleanupRule(draw), draw.bool() ? cleanupRule(draw) : null)
            : null);
    spec.setBudget(draw.bool() ? new Budget(draw.between(0, 100_000) / 100.0) : null);
    experiment.setSpec(spec);
    return experiment;
  }

  private static List<Target> targets(Draw draw) {
    int count = draw.between(1, 4);
    List<Target> targets = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      String name = draw.label(1, 10);
      if (!names.add(name)) {
        name = name + i;
        names.add(name);
      }
      List<String> depends = new ArrayList<>();
      for (int d = draw.between(0, Math.min(i, 2)); d > 0; d--) {
        String dependency = targets.get(draw.between(0, i - 1)).getName();
        if (!depends.contains(dependency)) {
          depends.add(dependency);
        }
      }
      targets.add(
          new Target(
              name,
              cluster(draw),
              components(draw),
              draw.bool()
                  ? new ObservabilitySpec(
                      draw.bool(), draw.bool() ? draw.pick(List.of(Transport.values())) : null)
                  : null,
              depends.isEmpty() ? null : depends));
    }
    return targets;
  }

  private static ClusterSpec cluster(Draw draw) {
    Provider provider = draw.pick(List.of(Provider.values()));
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(provider);
    if (provider == Provider.HUB) {
      return cluster;
    }
    List<String> machines =
        provider == Provider.GKE
            ? GKE_MACHINES
            : provider == Provider.EKS ? EKS_MACHINES : AKS_MACHINES;
    cluster.setMachineType(draw.bool() ? draw.pick(machines) : null);
    cluster.setNodeCount(draw.bool() ? draw.between(1, 100) : null);
    cluster.setDiskSizeGb(draw.bool() ? draw.between(10, 65536) : null);
    cluster.setPreemptible(draw.bool() ? draw.bool() : null);
    cluster.setKubernetesVersion(draw.bool() ? "1." + draw.between(25, 33) : null);
    int place = draw.between(0, 2);
    if (provider == Provider.GKE && place == 1) {
      cluster.setZone(draw.pick(List.of("us-central1-a", "europe-west1-b")));
    } else if (place == 2) {
      cluster.setRegion(
          draw.pick(
              provider == Provider.GKE
                  ? List.of("us-central1")
                  : provider == Provider.EKS
                      ? List.of("us-east-1", "eu-west-1")
                      : List.of("eastus", "westeurope")));
    }
    return cluster;
  }

  private static List<ComponentRef> components(Draw draw) {
    List<ComponentRef> refs = new ArrayList<>();
    // each component at most once per target: its Application is named after target and component
    Set<Integer> kinds = new LinkedHashSet<>();
    for (int c = draw.between(0, 3); c > 0; c--) {
      kinds.add(draw.between(0, 3));
    }
    for (int kind : kinds) {
      switch (kind) {
        case 0 -> {
          Map<String, String> params = new TreeMap<>();
          params.put("retention", draw.duration(3600, 86400));
          if (draw.bool()) {
            params.put("grafana.enabled", String.valueOf(draw.bool()));
          }
          if (draw.bool()) {
            params.put("prometheus.replicas", String.valueOf(draw.between(1, 5)));
          }
          refs.add(new ComponentRef("prometheus", null, null, params));
        }
        case 1 -> refs.add(new ComponentRef("hello-app", null, null, null));
        case 2 -> refs.add(new ComponentRef(null, "k6-load", null, null));
        default -> refs.add(new ComponentRef(null, null, "egress", null));
      }
    }
    return refs.isEmpty() ? null : refs;
  }

  private static MetricsSpec metrics(Draw draw) {
    List<MetricQuery> queries = new ArrayList<>();
    List<String> names = new ArrayList<>(METRICS);
    for (int q = draw.between(1, 4); q > 0; q--) {
      String name = names.remove(draw.between(0, names.size() - 1));
      Boolean perTarget = draw.bool() ? draw.bool() : null;
      queries.add(
          new MetricQuery(
              name,
              "sum(rate(" + name + "{namespace=\"$NAMESPACE\"}[$DURATION]))",
              draw.bool() ? draw.pick(List.of(QueryType.values())) : null,
              draw.bool() ? "cores" : null,
              draw.bool() ? draw.text() : null,
              draw.bool() ? draw.label(1, 10) : null,
              perTarget,
              draw.bool() ? draw.pick(List.of(EmptyResult.values())) : null,
              // only per-target metrics are compared: better on another is a warning
              Boolean.TRUE.equals(perTarget) && draw.bool()
                  ? draw.pick(List.of(Better.values()))
                  : null));
    }
    return new MetricsSpec(
        queries,
        draw.bool() ? draw.pick(List.of(EmptyResult.values())) : null,
        draw.bool() ? draw.between(1, 20) : null);
  }

  private static Hypothesis hypothesis(Draw draw, ExperimentSpec spec) {
    List<SuccessCriterion> criteria = new ArrayList<>();
    if (spec.getMetrics() != null) {
      for (int c = draw.between(0, 3); c > 0; c--) {
        String metric = draw.pick(spec.getMetrics().getQueries()).getName();
        String target = draw.bool() ? draw.pick(spec.getTargets()).getName() : null;
        criteria.add(
            new SuccessCriterion(
                metric,
                draw.pick(List.of(ComparisonOperator.values())),
                (double) draw.between(-1000, 1000),
                target,
                draw.bool() ? draw.text() : null));
      }
    }
    return new Hypothesis(
        draw.text(),
        draw.bool() ? List.of(draw.text()) : null,
        null,
        criteria.isEmpty() ? null : criteria);
  }

  private static Deadlines deadlines(Draw draw) {
    int total = draw.between(3600, 12 * 3600);
    return new Deadlines(
        draw.bool() ? draw.duration(60, total) : null,
        draw.bool() ? draw.duration(60, total) : null,
        draw.bool() ? draw.duration(60, total) : null,
        draw.bool() ? draw.duration(60, total) : null,
        draw.bool() || total > 6 * 3600 ? Draw.format(total) : null);
  }

  private static CleanupRule cleanupRule(Draw draw) {
    if (draw.bool()) {
      return new CleanupRule(CleanupAction.DELETE, null);
    }
    return new CleanupRule(
        CleanupAction.RETAIN, draw.bool() ? draw.duration(60, 168 * 3600) : null);
  }

  private static ComponentSource git(String path) {
    return new ComponentSource(
        "https://github.com/illMadeCoder/k8s-ai-cloud-testbed.git", null, path, null, null, null);
  }

  private static Component component(
      String name,
      ComponentType type,
      ComponentSource source,
      List<ComponentParameter> parameters) {
    Component component = new Component();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    component.setMetadata(metadata);
    component.setSpec(
        new ComponentSpec(
            null,
            Category.APPS,
            type,
            List.of(source),
            parameters.isEmpty() ? null : parameters,
            null));
    return component;
  }

  /** Draws values from QuickTheories' randomness, so that failures shrink. */
  public static final class Draw {
    private static final String LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final RandomnessSource random;

    public Draw(RandomnessSource random) {
      this.random = random;
    }

    public int between(int min, int max) {
      return (int) random.next(Constraint.between(min, max));
    }

    public boolean bool() {
      return between(0, 1) == 1;
    }

    public <T> T pick(List<T> values) {
      return values.get(between(0, values.size() - 1));
    }

    /** A DNS-1123 label of min..max characters. */
    public String label(int min, int max) {
      int length = between(min, max);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < length; i++) {
        boolean edge = i == 0 || i == length - 1;
        out.append(
            !edge && between(0, 5) == 0
                ? '-'
                : LABEL_CHARS.charAt(between(0, LABEL_CHARS.length() - 1)));
      }
      return out.toString();
    }

    /** Free text, including non-ASCII that YAML carries fine. */
    String text() {
      return pick(WORDS)
          + " "
          + pick(List.of("vs", "and", "über", "→", "with: colon", "#hash", "'quoted'", "2.0"))
          + " "
          + pick(WORDS);
    }

    public String duration(int minSeconds, int maxSeconds) {
      return format(between(minSeconds, maxSeconds));
    }

    static String format(int seconds) {
      StringBuilder out = new StringBuilder();
      if (seconds >= 3600) {
        out.append(seconds / 3600).append('h');
      }
      if (seconds % 3600 >= 60) {
        out.append(seconds % 3600 / 60).append('m');
      }
      if (seconds % 60 > 0) {
        out.append(seconds % 60).append('s');
      }
      return out.toString();
    }
  }
}
