package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixtures: small experiments, observations and statuses, and a readable form of actions. */
final class SampleExperiments {

  static final String NAME = "tsdb";
  static final String HASH = "hash-1";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String APP_CLAIM = "tsdb-app";
  static final String APP_PROM = "tsdb-app-prometheus";
  static final String LOAD_K6 = "tsdb-load-k6";
  static final String WORKFLOW = "tsdb-run";

  private SampleExperiments() {}

  /** {@code app} on GKE running prometheus; {@code load} on the hub running k6, after app. */
  static ExperimentSpec twoTargets() {
    return spec(
        CompletionMode.WORKFLOW,
        target("app", Provider.GKE, List.of(), "prometheus"),
        target("load", Provider.HUB, List.of("app"), "k6"));
  }

  static ExperimentSpec spec(CompletionMode mode, Target... targets) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(new ArrayList<>(List.of(targets)));
    spec.setWorkflow(new WorkflowSpec("load-test", new Completion(mode), Map.of("rate", "100")));
    return spec;
  }

  static Target target(String name, Provider provider, List<String> depends, String... apps) {
    List<ComponentRef> components = new ArrayList<>();
    for (String app : apps) {
      components.add(new ComponentRef(app, null, null, null));
    }
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(provider);
    return new Target(name, cluster, components, null, new ArrayList<>(depends));
  }

  static ExperimentSpec withCleanup(
      ExperimentSpec spec, CleanupAction onComplete, String retainFor) {
    spec.setCleanup(new CleanupPolicy(new CleanupRule(onComplete, retainFor), null));
    return spec;
  }

  /** The experiment with its finalizer, no children yet. */
  static Observation world() {
    return Observation.of(new Meta(NAME, 1, HASH, false, true, Map.of()));
  }

  static Observation deleted(Observation world) {
    Meta m = world.meta();
    return world.withMeta(
        new Meta(
            m.name(), m.generation(), m.specHash(), true, m.finalizerPresent(), m.annotations()));
  }

  static Observation withoutFinalizer(Observation world) {
    Meta m = world.meta();
    return world.withMeta(
        new Meta(
            m.name(), m.generation(), m.specHash(), m.deletionRequested(), false, m.annotations()));
  }

  static Observation hash(Observation world, String hash) {
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

  static Observation annotated(Observation world, String key, String value) {
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

  static ClusterObservation cluster(ClusterState state) {
    return new ClusterObservation(
        state, null, state == ClusterState.FAILED ? "quota exceeded" : null, false);
  }

  static ClusterObservation readyCluster(boolean registered) {
    return new ClusterObservation(ClusterState.READY, "10.0.0.1", null, registered);
  }

  static AppObservation app(AppState state) {
    return new AppObservation(state, state == AppState.DEGRADED ? "CrashLoopBackOff" : null);
  }

  /** Every cluster ready and registered, every Application healthy. */
  static Observation deployed() {
    return world()
        .withCluster(APP_CLAIM, readyCluster(true))
        .withApplication(APP_PROM, app(AppState.HEALTHY))
        .withApplication(LOAD_K6, app(AppState.HEALTHY));
  }

  /** The status the lifecycle wrote on entering {@code phase} at {@code since}. */
  static ExperimentStatus status(Phase phase, Instant since) {
    Decision pending = Lifecycle.decide(twoTargets(), null, world(), since);
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

  static ExperimentStatus step(ExperimentStatus s, String step, Instant since) {
    s.setStep(step);
    s.setStepStartedAt(since.toString());
    return s;
  }

  static Instant at(Duration after) {
    return T0.plus(after);
  }

  /**
   * Actions as short text, e.g. {@code CreateClusterClaim tsdb-app}, events as {@code Event Warning
   * Reason}.
   */
  static List<String> describe(List<Action> actions) {
    List<String> out = new ArrayList<>();
    for (Action a : actions) {
      out.add(describe(a));
    }
    return out;
  }

  static List<String> withoutEvents(List<Action> actions) {
    return describe(actions.stream().filter(a -> !(a instanceof EmitEvent)).toList());
  }

  static String describe(Action a) {
    if (a instanceof Action.CreateClusterClaim c) {
      return "CreateClusterClaim " + c.name();
    } else if (a instanceof Action.DeleteClusterClaim c) {
      return "DeleteClusterClaim " + c.name();
    } else if (a instanceof Action.RegisterCluster c) {
      return "RegisterCluster " + c.clusterName();
    } else if (a instanceof Action.UnregisterCluster c) {
      return "UnregisterCluster " + c.clusterName();
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
}
