package io.illm.lab.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Better;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.Tutorial;
import io.illm.lab.model.TutorialService;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.lifecycle.Action;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Decision;
import io.illm.lab.operator.lifecycle.Lifecycle;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import io.illm.lab.operator.lifecycle.Steps;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.SummarySource;
import io.illm.lab.results.Cost;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.MetricResult.Series;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Stats;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's test fixtures in one place, for its own tests and (through the test-jar) the hub's
 * and the CLI's: experiments and specs as they would be applied, lifecycle observations, metric
 * specs and samples, collections, and stored runs.
 */
public final class Testing {

  private Testing() {}

  // Small experiments, lifecycle observations and statuses, and a readable form of actions.

  public static final String NAME = "tsdb";
  public static final String HASH = "hash-1";
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  public static final String APP_CLAIM = "tsdb-app";
  public static final String APP_PROM = "tsdb-app-prometheus";
  public static final String LOAD_K6 = "tsdb-load-k6";
  public static final String WORKFLOW = "tsdb-run";

  /** {@code app} on GKE running prometheus; {@code load} on the hub running k6, after app. */
  public static ExperimentSpec twoTargetSpec() {
    return spec(
        CompletionMode.WORKFLOW,
        target("app", Provider.GKE, List.of(), "prometheus"),
        target("load", Provider.HUB, List.of("app"), "k6"));
  }

  /** The tutorial kubeconfig Secret of {@link #tutorialSpec}'s app target. */
  public static final String APP_KUBECONFIG = "tsdb-app-tutorial-kubeconfig";

  /**
   * Where the claims, their connection Secrets and a tutorial's kubeconfig Secrets are: not {@link
   * #NAMESPACE}, so a test sees which of the two a Secret went to.
   */
  public static final String CLAIMS_NAMESPACE = Placement.DEFAULT.claims();

  /**
   * {@link #twoTargetSpec} as a tutorial: kubeconfigs exposed, grafana on app (port 80) and k6's
   * API on load (namespace k6, port 6565, path /v1/status).
   */
  public static ExperimentSpec tutorialSpec() {
    ExperimentSpec spec = twoTargetSpec();
    spec.setTutorial(
        new Tutorial(
            true,
            List.of(
                new TutorialService("grafana", "app", "grafana", null, 80, null),
                new TutorialService("k6", "load", "k6-api", "k6", 6565, "/v1/status"))));
    return spec;
  }

  /** A Component named {@code name} whose manifests are in a Git repository, as ArgoCD syncs it. */
  public static Component gitComponent(String name) {
    Component component = new Component();
    component.setMetadata(new ObjectMetaBuilder().withName(name).build());
    component.setSpec(
        new ComponentSpec(
            null,
            null,
            null,
            new ArrayList<>(
                List.of(
                    new ComponentSource(
                        "https://example.invalid/lab.git",
                        "main",
                        "apps/" + name,
                        null,
                        null,
                        null))),
            null,
            null));
    return component;
  }

  /** The namespace of {@link #twoTargetExperiment} and {@link #manualExperiment}. */
  public static final String NAMESPACE = "lab";

  /** {@link #twoTargetSpec} as an experiment named {@code name} in {@link #NAMESPACE}. */
  public static Experiment twoTargetExperiment(String name) {
    Experiment experiment = new Experiment();
    experiment.getMetadata().setName(name);
    experiment.getMetadata().setNamespace(NAMESPACE);
    experiment.setSpec(twoTargetSpec());
    return experiment;
  }

  /** {@link #twoTargetExperiment} ended by the user (the complete annotation), not its workflow. */
  public static Experiment manualExperiment(String name) {
    Experiment experiment = twoTargetExperiment(name);
    experiment.getSpec().getWorkflow().getCompletion().setMode(CompletionMode.MANUAL);
    return experiment;
  }

  public static ExperimentSpec spec(CompletionMode mode, Target... targets) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(new ArrayList<>(List.of(targets)));
    spec.setWorkflow(new WorkflowSpec("load-test", new Completion(mode), Map.of("rate", "100")));
    return spec;
  }

  public static Target target(
      String name, Provider provider, List<String> depends, String... apps) {
    List<ComponentRef> components = new ArrayList<>();
    for (String app : apps) {
      components.add(new ComponentRef(app, null, null, null));
    }
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(provider);
    return new Target(name, cluster, components, null, new ArrayList<>(depends));
  }

  public static ExperimentSpec withCleanup(
      ExperimentSpec spec, CleanupAction onComplete, String retainFor) {
    spec.setCleanup(new CleanupPolicy(new CleanupRule(onComplete, retainFor), null));
    return spec;
  }

  /** The experiment with its finalizer, no children yet; claims in {@link #CLAIMS_NAMESPACE}. */
  public static Observation world() {
    return Observation.of(new Meta(NAME, 1, HASH, false, true, Map.of()))
        .withKubeconfigNamespace(CLAIMS_NAMESPACE);
  }

  public static Observation deleted(Observation world) {
    Meta m = world.meta();
    return world.withMeta(
        new Meta(
            m.name(), m.generation(), m.specHash(), true, m.finalizerPresent(), m.annotations()));
  }

  public static Observation withoutFinalizer(Observation world) {
    Meta m = world.meta();
    return world.withMeta(
        new Meta(
            m.name(), m.generation(), m.specHash(), m.deletionRequested(), false, m.annotations()));
  }

  public static Observation hash(Observation world, String hash) {
    Meta m = world.meta();
    return world.withMeta(
        new Meta(
            m.name(),
            m.generation(),
            hash,
            m.deletionRequested(),
            m.finalizerPresent(),
            m.annotations()));
  }

  public static Observation annotated(Observation world, String key, String value) {
    Meta m = world.meta();
    return world.withMeta(
        new Meta(
            m.name(),
            m.generation(),
            m.specHash(),
            m.deletionRequested(),
            m.finalizerPresent(),
            Map.of(key, value)));
  }

  public static ClusterObservation cluster(ClusterState state) {
    return new ClusterObservation(
        state, null, state == ClusterState.FAILED ? "quota exceeded" : null, false);
  }

  public static ClusterObservation readyCluster(boolean registered) {
    return new ClusterObservation(ClusterState.READY, "10.0.0.1", null, registered);
  }

  public static AppObservation app(AppState state) {
    return new AppObservation(state, state == AppState.DEGRADED ? "CrashLoopBackOff" : null);
  }

  /** Every cluster ready and registered, every Application healthy. */
  public static Observation deployed() {
    return world()
        .withCluster(APP_CLAIM, readyCluster(true))
        .withApplication(APP_PROM, app(AppState.HEALTHY))
        .withApplication(LOAD_K6, app(AppState.HEALTHY));
  }

  /** The status the lifecycle wrote on entering {@code phase} at {@code since}. */
  public static ExperimentStatus status(Phase phase, Instant since) {
    Decision pending = Lifecycle.decide(twoTargetSpec(), null, world(), since);
    ExperimentStatus s = pending.status();
    s.setPhase(phase);
    s.setPhaseStartedAt(since.toString());
    if (phase == Phase.RUNNING) {
      s.setStep(Steps.WORKLOAD);
      s.setStepStartedAt(since.toString());
      s.setWorkflowStatus(new io.illm.lab.model.WorkflowStatus(WORKFLOW, null, null, null, null));
    }
    return s;
  }

  public static ExperimentStatus step(ExperimentStatus s, String step, Instant since) {
    s.setStep(step);
    s.setStepStartedAt(since.toString());
    return s;
  }

  public static Instant at(Duration after) {
    return T0.plus(after);
  }

  /**
   * Actions as short text, e.g. {@code CreateClusterClaim tsdb-app}, events as {@code Event Warning
   * Reason}.
   */
  public static List<String> describe(List<Action> actions) {
    List<String> out = new ArrayList<>();
    for (Action a : actions) {
      out.add(describe(a));
    }
    return out;
  }

  public static List<String> withoutEvents(List<Action> actions) {
    return describe(actions.stream().filter(a -> !(a instanceof EmitEvent)).toList());
  }

  public static String describe(Action a) {
    if (a instanceof Action.CreateClusterClaim c) {
      return "CreateClusterClaim " + c.name();
    } else if (a instanceof Action.DeleteClusterClaim c) {
      return "DeleteClusterClaim " + c.name();
    } else if (a instanceof Action.RegisterCluster c) {
      return "RegisterCluster " + c.clusterName();
    } else if (a instanceof Action.UnregisterCluster c) {
      return "UnregisterCluster " + c.clusterName();
    } else if (a instanceof Action.ExposeKubeconfig c) {
      return "ExposeKubeconfig " + c.secret();
    } else if (a instanceof Action.DeleteKubeconfig c) {
      return "DeleteKubeconfig " + c.secret();
    } else if (a instanceof Action.CreateApplication c) {
      return "CreateApplication " + c.name();
    } else if (a instanceof Action.DeleteApplication c) {
      return "DeleteApplication " + c.name();
    } else if (a instanceof Action.SubmitWorkflow c) {
      return "SubmitWorkflow " + c.name();
    } else if (a instanceof Action.DeleteWorkflow c) {
      return "DeleteWorkflow " + c.name();
    } else if (a instanceof EmitEvent e) {
      return "Event " + (e.type() == Action.EventType.NORMAL ? "Normal " : "Warning ") + e.reason();
    }
    return a.getClass().getSimpleName();
  }

  // Metric specs: two targets (load on the hub, app on GKE) and the given queries.

  public static ExperimentSpec spec(MetricQuery... queries) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(
        new ArrayList<>(List.of(target("load", Provider.HUB), target("app", Provider.GKE))));
    spec.setMetrics(
        new MetricsSpec(queries.length == 0 ? null : new ArrayList<>(List.of(queries)), null));
    return spec;
  }

  public static ExperimentSpec gate(
      ExperimentSpec spec, Boolean enabled, Integer max, Double min, String delay) {
    spec.setQualityGate(new QualityGate(enabled, max, min, delay));
    return spec;
  }

  public static MetricQuery instant(String name, String query) {
    return new MetricQuery(name, query, QueryType.INSTANT, null, null, null, null, null);
  }

  public static MetricQuery range(String name, String query) {
    return new MetricQuery(name, query, QueryType.RANGE, null, null, null, null, null);
  }

  public static MetricQuery perTarget(MetricQuery query) {
    query.setPerTarget(true);
    return query;
  }

  public static MetricQuery onEmpty(MetricQuery query, EmptyResult rule) {
    query.setOnEmpty(rule);
    return query;
  }

  private static Target target(String name, Provider provider) {
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(provider);
    return new Target(name, cluster, new ArrayList<>(), null, new ArrayList<>());
  }

  // The judge's inputs: collected metrics and small specs.

  public static MetricResult perTarget(String name, String better, Sample... samples) {
    return new MetricResult(name, "range", null, null, null, true, null, better, List.of(samples));
  }

  public static MetricResult experimentWide(String name, Sample sample) {
    return new MetricResult(name, "instant", null, null, null, false, null, null, List.of(sample));
  }

  public static Sample ok(String target, double... values) {
    return new Sample(
        target, "q", Outcome.OK, null, null, Arrays.stream(values).boxed().toList(), null);
  }

  public static Sample empty(String target) {
    return new Sample(target, "q", Outcome.EMPTY, null, null, null, null);
  }

  public static Sample failed(String target, String error) {
    return new Sample(target, "q", Outcome.ERROR, error, null, null, null);
  }

  public static double[] values(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A spec with gke targets of these names, the given queries and criteria. */
  public static ExperimentSpec spec(
      List<String> targets, List<MetricQuery> queries, SuccessCriterion... criteria) {
    ExperimentSpec spec = new ExperimentSpec();
    List<Target> list = new ArrayList<>();
    for (String name : targets) {
      list.add(
          new Target(
              name,
              new ClusterSpec(Provider.GKE, null, null, null, null, null, null, null),
              null,
              null,
              null));
    }
    spec.setTargets(list);
    spec.setWorkflow(new WorkflowSpec("load", new Completion(CompletionMode.WORKFLOW), null));
    spec.setMetrics(queries.isEmpty() ? null : new MetricsSpec(queries, null, null));
    if (criteria.length > 0) {
      spec.setHypothesis(new Hypothesis("claim", null, null, List.of(criteria)));
    }
    return spec;
  }

  public static MetricQuery query(String name, boolean perTarget, Better better) {
    return new MetricQuery(name, "up", null, null, null, null, perTarget, null, better);
  }

  public static SuccessCriterion criterion(
      String metric, ComparisonOperator operator, double value, String target) {
    return new SuccessCriterion(metric, operator, value, target, null);
  }

  // What a collection produced, for lifecycle tables: some data, or none.

  /** One metric with one value. */
  public static Collected some() {
    return of(List.of(1.0));
  }

  /** One metric whose only sample has no value. */
  public static Collected none() {
    return of(List.of());
  }

  private static Collected of(List<Double> values) {
    Sample sample =
        new Sample(
            "app",
            "up",
            values.isEmpty() ? Outcome.EMPTY : Outcome.OK,
            null,
            List.of(),
            values,
            null);
    MetricResult metric =
        new MetricResult(
            "up", "instant", null, null, null, true, "insufficient", null, List.of(sample));
    return new Collected(
        List.of(metric),
        new Summary.Window("2026-01-01T00:00:00Z", "2026-01-01T00:40:00Z", 60, 1),
        "simulated",
        new Quality(values.isEmpty() ? 0 : 1, 0.5, 1, 1, !values.isEmpty()),
        HypothesisResult.INSUFFICIENT,
        false,
        Instant.parse("2026-01-01T00:41:00Z"),
        0,
        new TreeMap<>());
  }

  // Summaries and runs for the results tests.

  /**
   * A two-target run of {@code name}: per-target cpu with stats, an experiment-wide metric, two
   * criteria.
   */
  public static Summary summary(String name, String uid, String startedAt) {
    Series series =
        new Series(
            new TreeMap<>(Map.of("pod", "app-1")),
            List.of(new Point(1_700_000_000, 1.5), new Point(1_700_000_015, 2.5)));
    MetricResult cpu =
        new MetricResult(
            "cpu",
            "range",
            "cores",
            "CPU",
            null,
            true,
            "insufficient",
            "lower",
            List.of(
                new Sample(
                    "prom",
                    "sum(rate(cpu[5m]))",
                    Outcome.OK,
                    null,
                    List.of(series),
                    List.of(1.9, 2.0, 2.1),
                    new Stats(3, 2.0, 2.0, 1.9, 2.1, 1.9, 2.1, 0.95)),
                new Sample(
                    "vm",
                    "sum(rate(cpu[5m]))",
                    Outcome.OK,
                    null,
                    List.of(series),
                    List.of(1.25),
                    new Stats(1, 1.25, 1.25, 1.25, 1.25, null, null, null))));
    MetricResult errors =
        new MetricResult(
            "errors",
            "instant",
            null,
            null,
            null,
            false,
            "fail",
            null,
            List.of(
                new Sample(
                    null,
                    "sum(errors)",
                    Outcome.ERROR,
                    "bad_data: parse error",
                    List.of(),
                    List.of(),
                    null)));
    return new Summary(
        Summary.SCHEMA_VERSION,
        true,
        new Summary.ExperimentInfo(
            name,
            "experiments",
            uid,
            "sha256:abc",
            "Title",
            null,
            List.of("demo"),
            "vm is leaner",
            null),
        new Summary.RunInfo(
            "Complete",
            "done",
            "2026-11-27T00:00:00Z",
            startedAt,
            "2026-11-27T00:10:00Z",
            new Summary.Window("2026-11-27T00:02:00Z", "2026-11-27T00:07:00Z", 15, 3)),
        List.of(
            new Summary.TargetInfo(
                "prom", "gke", name + "-prom", "us-central1-a", "e2-medium", 1, true, List.of()),
            new Summary.TargetInfo(
                "vm", "gke", name + "-vm", "us-central1-a", "e2-medium", 1, true, List.of())),
        new Summary.WorkflowInfo(name + "-run", "load", "Succeeded", null, null),
        List.of(cpu, errors),
        List.of(),
        new Verdict(
            HypothesisResult.INSUFFICIENT,
            List.of(
                new Verdict.Criterion(
                    "cpu", "vm", "lt", 1.5, 1.25, Verdict.Outcome.PASS, "1.25 < 1.5", null),
                new Verdict.Criterion(
                    "errors",
                    null,
                    "eq",
                    0,
                    null,
                    Verdict.Outcome.MISSING,
                    "query failed: bad_data",
                    null))),
        new Quality(0.5, 0.5, 1, 3, true),
        new Cost(
            0.05,
            0.0123,
            0.08,
            1.0,
            new TreeMap<>(Map.of("prom", 0.006, "vm", 0.0063)),
            "gcp 2026-11 (list)",
            null),
        new Summary.Provenance("0.1.0", "simulated", "2026-11-27T00:09:00Z", 1));
  }

  /** A run of {@code name} with two raw files. */
  public static SummarySource.Run run(String name, String uid, String startedAt) {
    return new SummarySource.Run(
        summary(name, uid, startedAt),
        new TreeMap<>(
            Map.of(
                "cpu/prom.json",
                    "{\"status\":\"success\",\"target\":\"prom\"}".getBytes(StandardCharsets.UTF_8),
                "cpu/vm.json",
                    "{\"status\":\"success\",\"target\":\"vm\"}"
                        .getBytes(StandardCharsets.UTF_8))));
  }

  public static RunFiles files(String name, String uid, String startedAt) {
    return RunFiles.of(run(name, uid, startedAt));
  }
}
