package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.lifecycle.Row.row;
import static io.illm.lab.operator.lifecycle.SampleExperiments.APP_CLAIM;
import static io.illm.lab.operator.lifecycle.SampleExperiments.APP_PROM;
import static io.illm.lab.operator.lifecycle.SampleExperiments.LOAD_K6;
import static io.illm.lab.operator.lifecycle.SampleExperiments.T0;
import static io.illm.lab.operator.lifecycle.SampleExperiments.WORKFLOW;
import static io.illm.lab.operator.lifecycle.SampleExperiments.at;
import static io.illm.lab.operator.lifecycle.SampleExperiments.deployed;
import static io.illm.lab.operator.lifecycle.SampleExperiments.spec;
import static io.illm.lab.operator.lifecycle.SampleExperiments.status;
import static io.illm.lab.operator.lifecycle.SampleExperiments.step;
import static io.illm.lab.operator.lifecycle.SampleExperiments.target;
import static io.illm.lab.operator.lifecycle.SampleExperiments.twoTargets;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsState;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunningPhaseTest {

  static final String STARTED = at(Duration.ofMinutes(2)).toString();
  static final String FINISHED = at(Duration.ofMinutes(40)).toString();
  static final String[] CLEANUP_ALL = {
    "DeleteApplication " + APP_PROM,
    "DeleteApplication " + LOAD_K6,
    "DeleteWorkflow " + WORKFLOW,
    "UnregisterCluster " + APP_CLAIM,
    "DeleteClusterClaim " + APP_CLAIM
  };

  /** The cleanup, with the failed run's results stored first. */
  static String[] withStore(String[] cleanup) {
    String[] all = new String[cleanup.length + 1];
    all[0] = "StoreResults";
    System.arraycopy(cleanup, 0, all, 1, cleanup.length);
    return all;
  }

  static final String[] CLEANUP_NO_WORKFLOW = {
    "DeleteApplication " + APP_PROM, "DeleteApplication " + LOAD_K6,
    "UnregisterCluster " + APP_CLAIM, "DeleteClusterClaim " + APP_CLAIM
  };

  static Observation workflow(WorkflowState state) {
    boolean ended =
        state == WorkflowState.SUCCEEDED
            || state == WorkflowState.FAILED
            || state == WorkflowState.ERROR;
    return deployed()
        .withWorkflow(
            new WorkflowObservation(
                state,
                ended ? "step load failed" : null,
                state == WorkflowState.PENDING ? null : STARTED,
                ended ? FINISHED : null,
                false));
  }

  static ExperimentSpec manual() {
    return spec(
        CompletionMode.MANUAL,
        target("app", Provider.GKE, List.of(), "prometheus"),
        target("load", Provider.HUB, List.of("app"), "k6"));
  }

  static ExperimentStatus running() {
    return status(Phase.RUNNING, T0);
  }

  static ExperimentStatus seen(String phase) {
    ExperimentStatus s = running();
    s.setWorkflowStatus(new WorkflowStatus(WORKFLOW, phase, null, STARTED, null));
    return s;
  }

  static ExperimentStatus collecting(Duration since) {
    return step(seen("Succeeded"), Steps.COLLECTING, at(since));
  }

  static Stream<Row> table() {
    Duration m5 = Duration.ofMinutes(5);
    Duration h1 = Duration.ofHours(1);
    Duration h2 = Duration.ofHours(2);
    return Stream.of(
        row(
            "submitted but not yet seen: submit again (same name, harmless)",
            twoTargets(),
            running(),
            deployed(),
            at(m5),
            Phase.RUNNING,
            Steps.WORKLOAD,
            "SubmitWorkflow " + WORKFLOW),
        row(
            "workflow running: wait",
            twoTargets(),
            running(),
            workflow(WorkflowState.RUNNING),
            at(m5),
            Phase.RUNNING,
            Steps.WORKLOAD),
        row(
            "workflow succeeded: collect metrics over its window",
            twoTargets(),
            running(),
            workflow(WorkflowState.SUCCEEDED),
            at(h1),
            Phase.RUNNING,
            Steps.COLLECTING,
            "CollectMetrics"),
        row(
            "workflow failed: Failed, everything deleted",
            twoTargets(),
            running(),
            workflow(WorkflowState.FAILED),
            at(h1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "workflow error: Failed, everything deleted",
            twoTargets(),
            running(),
            workflow(WorkflowState.ERROR),
            at(h1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "workflow seen running, now gone: Failed (WorkflowLost)",
            twoTargets(),
            seen("Running"),
            deployed(),
            at(m5),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_NO_WORKFLOW),
        row(
            "running deadline (2h) missed: Failed",
            twoTargets(),
            running(),
            workflow(WorkflowState.RUNNING),
            at(h2),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "manual: the workflow succeeding does not end the run",
            manual(),
            running(),
            workflow(WorkflowState.SUCCEEDED),
            at(h1),
            Phase.RUNNING,
            Steps.WORKLOAD),
        row(
            "manual: the complete annotation ends the run",
            manual(),
            running(),
            SampleExperiments.annotated(
                workflow(WorkflowState.RUNNING), Observation.COMPLETE_ANNOTATION, "true"),
            at(h1),
            Phase.RUNNING,
            Steps.COLLECTING,
            "CollectMetrics"),
        row(
            "manual: the annotation set to false does not",
            manual(),
            running(),
            SampleExperiments.annotated(
                workflow(WorkflowState.RUNNING), Observation.COMPLETE_ANNOTATION, "false"),
            at(h1),
            Phase.RUNNING,
            Steps.WORKLOAD),
        row(
            "manual: the end of the running window ends the run normally",
            manual(),
            running(),
            workflow(WorkflowState.SUCCEEDED),
            at(h2),
            Phase.RUNNING,
            Steps.COLLECTING,
            "CollectMetrics"),
        row(
            "manual: the total deadline (6h) still fails it",
            longRunning(manual()),
            running(),
            workflow(WorkflowState.RUNNING),
            at(Duration.ofHours(6)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "collecting: not started (e.g. after a restart): ask again",
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED),
            at(h1.plus(m5)),
            Phase.RUNNING,
            Steps.COLLECTING,
            "CollectMetrics"),
        row(
            "collecting: running: wait",
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED).withMetrics(metrics(MetricsState.RUNNING)),
            at(h1.plus(m5)),
            Phase.RUNNING,
            Steps.COLLECTING),
        row(
            "collecting: done: store",
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED).withMetrics(metrics(MetricsState.DONE)),
            at(h1.plus(m5)),
            Phase.RUNNING,
            Steps.STORING,
            "StoreResults"),
        row(
            "collecting: failed: Failed, everything deleted",
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED).withMetrics(metrics(MetricsState.FAILED)),
            at(h1.plus(m5)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "collecting deadline (15m) missed",
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED).withMetrics(metrics(MetricsState.RUNNING)),
            at(h1.plus(Duration.ofMinutes(15))),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "storing: stored: Complete, cleanup at once by default",
            twoTargets(),
            step(collecting(h1), Steps.STORING, at(h1)),
            stored(),
            at(h1.plus(m5)),
            Phase.COMPLETE,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "storing: stored, cleanup retain 2h: Complete, retaining",
            SampleExperiments.withCleanup(twoTargets(), CleanupAction.RETAIN, "2h"),
            step(collecting(h1), Steps.STORING, at(h1)),
            stored(),
            at(h1.plus(m5)),
            Phase.COMPLETE,
            Steps.RETAINING),
        row(
            "storing: failed: Failed",
            twoTargets(),
            step(collecting(h1), Steps.STORING, at(h1)),
            workflow(WorkflowState.SUCCEEDED)
                .withMetrics(metrics(MetricsState.DONE))
                .withResults(new ResultsObservation(ResultsState.FAILED, null, "403")),
            at(h1.plus(m5)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "storing after a restart: the collection resumes first",
            twoTargets(),
            step(collecting(h1), Steps.STORING, at(h1)),
            workflow(WorkflowState.SUCCEEDED),
            at(h1.plus(m5)),
            Phase.RUNNING,
            Steps.STORING,
            "CollectMetrics"),
        row(
            "collecting: failed with data: Failed, what was collected is stored",
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED)
                .withMetrics(
                    new MetricsObservation(
                        MetricsState.FAILED, null, "p99 had no data", Collecteds.some())),
            at(h1.plus(m5)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            withStore(CLEANUP_ALL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(Row row) {
    row.check();
  }

  @Test
  void metricsAreCollectedOverTheWorkflowsWindowNotSinceCreation() {
    Decision d =
        Lifecycle.decide(
            twoTargets(), running(), workflow(WorkflowState.SUCCEEDED), at(Duration.ofHours(1)));
    CollectMetrics collect =
        (CollectMetrics)
            d.actions().stream().filter(a -> a instanceof CollectMetrics).findFirst().orElseThrow();
    assertEquals(STARTED, collect.windowStart().toString());
    assertEquals(FINISHED, collect.windowEnd().toString());
  }

  @Test
  void theVerdictAndTheResultsAreRecorded() {
    Duration h1 = Duration.ofHours(1);
    Decision collected =
        Lifecycle.decide(
            twoTargets(),
            collecting(h1),
            workflow(WorkflowState.SUCCEEDED).withMetrics(metrics(MetricsState.DONE)),
            at(h1));
    assertEquals(HypothesisResult.VALIDATED, collected.status().getHypothesisResult());
    Decision stored = Lifecycle.decide(twoTargets(), collected.status(), stored(), at(h1));
    assertEquals("s3://experiment-results/tsdb/", stored.status().getResultsURL());
    assertEquals(
        "True", Conditions.find(stored.status(), Conditions.READY).orElseThrow().getStatus());
  }

  @Test
  void retentionLooksAgainWhenItEnds() {
    Duration h1 = Duration.ofHours(1);
    Decision d =
        Lifecycle.decide(
            SampleExperiments.withCleanup(twoTargets(), CleanupAction.RETAIN, "2h"),
            step(collecting(h1), Steps.STORING, at(h1)),
            stored(),
            at(h1));
    assertEquals(Duration.ofHours(2), d.lookAgainIn().orElseThrow());
  }

  private static MetricsObservation metrics(MetricsState state) {
    return new MetricsObservation(
        state,
        state == MetricsState.DONE ? HypothesisResult.VALIDATED : null,
        state == MetricsState.FAILED ? "prometheus unreachable" : null);
  }

  private static Observation stored() {
    return workflow(WorkflowState.SUCCEEDED)
        .withMetrics(metrics(MetricsState.DONE))
        .withResults(
            new ResultsObservation(ResultsState.STORED, "s3://experiment-results/tsdb/", null));
  }

  private static ExperimentSpec longRunning(ExperimentSpec spec) {
    Deadlines deadlines = new Deadlines();
    deadlines.setRunning("8h");
    spec.setDeadlines(deadlines);
    return spec;
  }
}
