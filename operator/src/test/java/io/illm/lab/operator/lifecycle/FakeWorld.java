package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsState;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake world for replaying lifecycles: it applies actions the way the real controllers would
 * (idempotently, by name) and moves in-flight objects on when told to. Its whole state is an {@link
 * Observation} plus whether the experiment object still exists, so it copies and compares for free.
 * Gone objects are dropped, as a real observer cannot see them.
 */
final class FakeWorld {

  Observation state;
  boolean exists = true;
  final List<Action.EmitEvent> events = new ArrayList<>();

  FakeWorld(Observation state) {
    this.state = state;
  }

  FakeWorld copy() {
    FakeWorld copy = new FakeWorld(state);
    copy.exists = exists;
    return copy;
  }

  /** What the engine sees; {@code errors} makes it an incomplete observation. */
  Observation observe(List<String> errors) {
    return state.withErrors(errors);
  }

  void apply(List<Action> actions) {
    actions.forEach(this::apply);
  }

  void apply(Action a) {
    if (a instanceof Action.AddFinalizer && !state.meta().deletionRequested()) {
      meta(true, state.meta().deletionRequested());
    } else if (a instanceof Action.RemoveFinalizer) {
      meta(false, state.meta().deletionRequested());
      exists = !state.meta().deletionRequested();
    } else if (a instanceof Action.CreateClusterClaim c
        && state.cluster(c.name()).state().missing()) {
      cluster(
          c.name(), ClusterState.PROVISIONING, null, null, state.cluster(c.name()).registered());
    } else if (a instanceof Action.DeleteClusterClaim c
        && deletable(state.cluster(c.name()).state())) {
      ClusterObservation o = state.cluster(c.name());
      cluster(c.name(), ClusterState.DELETING, o.endpoint(), o.message(), o.registered());
    } else if (a instanceof Action.RegisterCluster c) {
      ClusterObservation o = state.cluster(c.clusterName());
      cluster(c.clusterName(), o.state(), o.endpoint(), o.message(), true);
    } else if (a instanceof Action.UnregisterCluster c) {
      ClusterObservation o = state.cluster(c.clusterName());
      cluster(c.clusterName(), o.state(), o.endpoint(), o.message(), false);
    } else if (a instanceof Action.CreateApplication c
        && state.application(c.name()).state().missing()) {
      app(c.name(), AppState.PROGRESSING);
    } else if (a instanceof Action.DeleteApplication c
        && !state.application(c.name()).state().missing()) {
      app(c.name(), AppState.DELETING);
    } else if (a instanceof Action.SubmitWorkflow && state.workflow().state().missing()) {
      workflow(WorkflowState.PENDING, null, null);
    } else if (a instanceof Action.DeleteWorkflow && !state.workflow().state().missing()) {
      workflow(WorkflowState.DELETING, state.workflow().startedAt(), state.workflow().finishedAt());
    } else if (a instanceof Action.CollectMetrics
        && state.metrics().state() == MetricsState.NOT_STARTED) {
      state = state.withMetrics(new MetricsObservation(MetricsState.RUNNING, null, null));
    } else if (a instanceof Action.StoreResults
        && state.results().state() == ResultsState.NOT_STORED) {
      state = state.withResults(new ResultsObservation(ResultsState.STORING, null, null));
    } else if (a instanceof Action.EmitEvent e) {
      events.add(e);
    }
  }

  /** Things that can move on by themselves, as keys for {@link #move}. */
  List<String> inFlight() {
    List<String> keys = new ArrayList<>();
    state
        .clusters()
        .forEach(
            (name, c) -> {
              if (c.state() == ClusterState.PROVISIONING || c.state() == ClusterState.DELETING) {
                keys.add("cluster:" + name);
              }
            });
    state
        .applications()
        .forEach(
            (name, app) -> {
              if (app.state() != AppState.HEALTHY) {
                keys.add("app:" + name);
              }
            });
    WorkflowState w = state.workflow().state();
    if (w == WorkflowState.PENDING || w == WorkflowState.RUNNING || w == WorkflowState.DELETING) {
      keys.add("workflow");
    }
    if (state.metrics().state() == MetricsState.RUNNING) {
      keys.add("metrics");
    }
    if (state.results().state() == ResultsState.STORING) {
      keys.add("results");
    }
    return keys;
  }

  /** Moves one in-flight thing one step, to success or (when {@code fail}) to failure. */
  void move(String key, boolean fail, Instant now) {
    if (key.startsWith("cluster:")) {
      String name = key.substring("cluster:".length());
      ClusterObservation c = state.cluster(name);
      if (c.state() == ClusterState.DELETING) {
        cluster(name, ClusterState.GONE, null, null, c.registered());
      } else {
        cluster(
            name,
            fail ? ClusterState.FAILED : ClusterState.READY,
            fail ? null : "10.0.0." + name.length(),
            fail ? "quota exceeded" : null,
            c.registered());
      }
    } else if (key.startsWith("app:")) {
      String name = key.substring("app:".length());
      AppState s = state.application(name).state();
      app(
          name,
          s == AppState.DELETING ? AppState.GONE : fail ? AppState.DEGRADED : AppState.HEALTHY);
    } else if (key.equals("workflow")) {
      moveWorkflow(fail, now);
    } else if (key.equals("metrics")) {
      state =
          state.withMetrics(
              fail
                  ? new MetricsObservation(MetricsState.FAILED, null, "no data")
                  : new MetricsObservation(MetricsState.DONE, HypothesisResult.VALIDATED, null));
    } else if (key.equals("results")) {
      state =
          state.withResults(
              fail
                  ? new ResultsObservation(ResultsState.FAILED, null, "403")
                  : new ResultsObservation(
                      ResultsState.STORED, "s3://experiment-results/x/", null));
    }
  }

  private void moveWorkflow(boolean fail, Instant now) {
    WorkflowObservation w = state.workflow();
    switch (w.state()) {
      case PENDING -> workflow(WorkflowState.RUNNING, now.toString(), null);
      case RUNNING ->
          workflow(
              fail ? WorkflowState.FAILED : WorkflowState.SUCCEEDED, w.startedAt(), now.toString());
      default -> workflow(WorkflowState.GONE, null, null);
    }
  }

  /** Bills {@code hours} of every existing cluster claim at $1 an hour. */
  void charge(double hours) {
    long clusters = state.clusters().values().stream().filter(c -> !c.state().missing()).count();
    Observation.Cost cost = state.cost();
    double spent = (cost.spentUSD() == null ? 0 : cost.spentUSD()) + clusters * hours;
    state = state.withCost(new Observation.Cost(cost.estimatedUSD(), spent));
  }

  void requestDeletion() {
    meta(state.meta().finalizerPresent(), true);
    exists = state.meta().finalizerPresent();
  }

  void editSpec() {
    Meta m = state.meta();
    state =
        state.withMeta(
            new Meta(
                m.name(),
                m.generation() + 1,
                m.specHash() + "'",
                m.deletionRequested(),
                m.finalizerPresent(),
                m.annotations()));
  }

  void annotateComplete() {
    Meta m = state.meta();
    state =
        state.withMeta(
            new Meta(
                m.name(),
                m.generation(),
                m.specHash(),
                m.deletionRequested(),
                m.finalizerPresent(),
                Map.of(Observation.COMPLETE_ANNOTATION, "true")));
  }

  /** Every child that still exists, as Kind/name. */
  List<String> children() {
    List<String> left = new ArrayList<>();
    state
        .clusters()
        .forEach(
            (name, c) -> {
              if (!c.state().missing()) {
                left.add("ClusterClaim/" + name);
              }
              if (c.registered()) {
                left.add("ClusterSecret/" + name);
              }
            });
    state
        .applications()
        .forEach(
            (name, a) -> {
              if (!a.state().missing()) {
                left.add("Application/" + name);
              }
            });
    if (!state.workflow().state().missing()) {
      left.add("Workflow");
    }
    return left;
  }

  private static boolean deletable(ClusterState s) {
    return !s.missing() && s != ClusterState.DELETING;
  }

  private void meta(boolean finalizer, boolean deletion) {
    Meta m = state.meta();
    state =
        state.withMeta(
            new Meta(m.name(), m.generation(), m.specHash(), deletion, finalizer, m.annotations()));
  }

  private void cluster(
      String name, ClusterState s, String endpoint, String message, boolean registered) {
    Map<String, ClusterObservation> clusters = new TreeMap<>(state.clusters());
    if (s.missing() && !registered) {
      clusters.remove(name);
    } else {
      clusters.put(name, new ClusterObservation(s, endpoint, message, registered));
    }
    state =
        new Observation(
            state.meta(),
            clusters,
            state.applications(),
            state.workflow(),
            state.metrics(),
            state.results(),
            state.missingComponents(),
            state.errors(),
            state.cost(),
            state.kubeconfigNamespace());
  }

  private void app(String name, AppState s) {
    Map<String, AppObservation> apps = new TreeMap<>(state.applications());
    if (s.missing()) {
      apps.remove(name);
    } else {
      apps.put(name, new AppObservation(s, s == AppState.DEGRADED ? "CrashLoopBackOff" : null));
    }
    state =
        new Observation(
            state.meta(),
            state.clusters(),
            apps,
            state.workflow(),
            state.metrics(),
            state.results(),
            state.missingComponents(),
            state.errors(),
            state.cost(),
            state.kubeconfigNamespace());
  }

  private void workflow(WorkflowState s, String startedAt, String finishedAt) {
    state =
        state.withWorkflow(
            s.missing()
                ? WorkflowObservation.ABSENT
                : new WorkflowObservation(
                    s,
                    s == WorkflowState.FAILED ? "step failed" : null,
                    startedAt,
                    finishedAt,
                    state.workflow().templateMissing()));
  }
}
