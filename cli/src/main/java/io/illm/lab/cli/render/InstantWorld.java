package io.illm.lab.cli.render;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.lifecycle.Action;
import io.illm.lab.operator.lifecycle.Observation;
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
import java.util.Map;
import java.util.Set;

/**
 * A world in which every action succeeds at once: claims are ready (with a placeholder endpoint),
 * Applications Synced and Healthy, the workflow Succeeded (and a manual run signalled), metrics and
 * results done. Enough to walk the lifecycle from Pending to Complete without a cluster.
 */
final class InstantWorld {

  /**
   * The endpoint a rendered cluster gets: {@code <claim>.endpoint.invalid} (RFC 2606, never
   * resolves).
   */
  static String endpoint(String claim) {
    return claim + ".endpoint.invalid";
  }

  private Observation state;

  /** The world of {@code experiment}, whose catalogue lacks {@code missingComponents}. */
  InstantWorld(String experiment, Set<String> missingComponents) {
    state =
        Observation.of(new Meta(experiment, 1, "render", false, false, Map.of()))
            .withMissingComponents(missingComponents)
            .withKubeconfigNamespace(Placement.DEFAULT.claims());
  }

  Observation observe() {
    return state;
  }

  void apply(Action action, Instant now) {
    if (action instanceof Action.AddFinalizer) {
      Meta m = state.meta();
      state =
          state.withMeta(
              new Meta(m.name(), m.generation(), m.specHash(), false, true, m.annotations()));
    } else if (action instanceof Action.CreateClusterClaim c) {
      state =
          state.withCluster(
              c.name(),
              new ClusterObservation(ClusterState.READY, endpoint(c.name()), null, false));
    } else if (action instanceof Action.RegisterCluster r) {
      ClusterObservation o = state.cluster(r.clusterName());
      state =
          state.withCluster(
              r.clusterName(), new ClusterObservation(o.state(), o.endpoint(), o.message(), true));
    } else if (action instanceof Action.ExposeKubeconfig k) {
      state =
          state.withCluster(
              k.clusterName(), state.cluster(k.clusterName()).withKubeconfigSecret(k.secret()));
    } else if (action instanceof Action.CreateApplication a) {
      state = state.withApplication(a.name(), new AppObservation(AppState.HEALTHY, null));
    } else if (action instanceof Action.SubmitWorkflow) {
      workflowSucceeded(now);
    } else if (action instanceof Action.CollectMetrics) {
      state =
          state.withMetrics(
              new MetricsObservation(MetricsState.DONE, HypothesisResult.VALIDATED, null));
    } else if (action instanceof Action.StoreResults) {
      state =
          state.withResults(new ResultsObservation(ResultsState.STORED, "s3://rendered/", null));
    }
  }

  /** The workflow succeeded at once, and the run is marked complete. */
  private void workflowSucceeded(Instant now) {
    state =
        state.withWorkflow(
            new WorkflowObservation(
                WorkflowState.SUCCEEDED, null, now.toString(), now.toString(), false));
    Meta m = state.meta();
    state =
        state.withMeta(
            new Meta(
                m.name(),
                m.generation(),
                m.specHash(),
                false,
                m.finalizerPresent(),
                Map.of(Observation.COMPLETE_ANNOTATION, "true")));
  }
}
