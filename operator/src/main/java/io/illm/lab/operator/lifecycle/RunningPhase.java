package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running, in three persisted steps: Workload (until the workflow ends, or for manual completion
 * the complete annotation or the end of the running window), Collecting (metrics over the run's
 * window) and Storing (the results); then Complete.
 */
final class RunningPhase {

  /** The in-cluster API server, the endpoint of hub targets. */
  static final String HUB_ENDPOINT = "https://kubernetes.default.svc";

  private RunningPhase() {}

  static void decide(Turn t) {
    String step = t.status.getStep() == null ? Steps.WORKLOAD : t.status.getStep();
    switch (step) {
      case Steps.COLLECTING -> collecting(t);
      case Steps.STORING -> storing(t);
      default -> workload(t);
    }
  }

  static boolean manual(Turn t) {
    return t.spec.getWorkflow().getCompletion() != null
        && t.spec.getWorkflow().getCompletion().getMode() == CompletionMode.MANUAL;
  }

  private static void workload(Turn t) {
    TutorialAccess.advance(t);
    WorkflowStatus ws = workflowStatus(t);
    WorkflowObservation wf = t.world.workflow();
    switch (wf.state()) {
      case ABSENT, GONE -> {
        if (ws.getPhase() == null) {
          submitIfMissing(t);
        } else if (!"Succeeded".equals(ws.getPhase())) {
          t.fail(
              Reasons.WORKFLOW_LOST,
              "workflow " + ws.getName() + " disappeared while " + ws.getPhase());
        }
      }
      case DELETING ->
          t.fail(
              Reasons.WORKFLOW_LOST,
              "workflow " + ws.getName() + " is being deleted by someone else");
      case PENDING, RUNNING -> record(ws, wf);
      case SUCCEEDED -> {
        record(ws, wf);
        if (!manual(t)) {
          endRun(t, "workflow " + ws.getName() + " succeeded");
        }
      }
      default -> {
        record(ws, wf);
        t.fail(
            Reasons.WORKFLOW_FAILED,
            "workflow "
                + ws.getName()
                + " ended "
                + ws.getPhase()
                + (wf.message() == null ? "" : ": " + wf.message()));
      }
    }
    if (!t.terminal() && manual(t) && Steps.WORKLOAD.equals(t.status.getStep())) {
      manualEnd(t);
    }
  }

  private static void manualEnd(Turn t) {
    Duration window = PhaseDeadlines.of(t.spec).running();
    Duration elapsed = t.since(t.status.getPhaseStartedAt());
    if (t.world.completeRequested()) {
      endRun(t, "the annotation " + Observation.COMPLETE_ANNOTATION + " ended the run");
    } else if (elapsed.compareTo(window) >= 0) {
      endRun(t, "the running window of " + DurationText.format(window) + " ended the run");
    } else {
      t.lookAgainIn(window.minus(elapsed));
    }
  }

  private static void endRun(Turn t, String why) {
    // the end of the measurement window, kept so that a resumed collection covers the same one
    Instant end = manual(t) ? t.now : Turn.time(workflowStatus(t).getFinishedAt()).orElse(t.now);
    t.status.setRunEndedAt(end.toString());
    t.step(Steps.COLLECTING);
    t.status.setMessage(why + "; collecting metrics");
    t.event(EventType.NORMAL, Reasons.RUN_FINISHED, t.status.getMessage());
    collecting(t);
  }

  private static void collecting(Turn t) {
    MetricsObservation metrics = t.world.metrics();
    if (collected(t, metrics)) {
      t.status.setHypothesisResult(metrics.result());
      t.status.setStep(Steps.STORING);
      t.status.setMessage("metrics collected; storing results");
      t.event(EventType.NORMAL, Reasons.METRICS_COLLECTED, t.status.getMessage());
      storing(t);
    }
  }

  /**
   * Storing needs the collection itself, which flows from the metrics port to the results port
   * through this decision; a restarted operator's metrics port resumes the collection from its
   * checkpoints first (no window is queried again).
   */
  private static void storing(Turn t) {
    MetricsObservation metrics = t.world.metrics();
    if (!collected(t, metrics)) {
      return;
    }
    ResultsObservation results = t.world.results();
    switch (results.state()) {
      case NOT_STORED -> t.act(new StoreResults(t.experiment(), metrics.collected()));
      case STORING -> {}
      case STORED -> {
        t.status.setResultsURL(results.url());
        t.complete("results stored" + (results.url() == null ? "" : " at " + results.url()));
      }
      default ->
          t.fail(
              Reasons.RESULTS_FAILED,
              "storing the results failed"
                  + (results.message() == null ? "" : ": " + results.message()));
    }
  }

  /** True when the collection is done; else starts or awaits it, or fails the run. */
  private static boolean collected(Turn t, MetricsObservation metrics) {
    switch (metrics.state()) {
      case NOT_STARTED -> t.act(collect(t));
      case RUNNING -> {}
      case DONE -> {
        return true;
      }
      default ->
          t.fail(
              Reasons.METRICS_FAILED,
              "metrics collection failed"
                  + (metrics.message() == null ? "" : ": " + metrics.message()));
    }
    return false;
  }

  /**
   * The measurement window: from the workflow's start to the end of the run (the workflow's end, or
   * for manual runs the signal), so provisioning time does not dilute rates and averages. The end
   * is kept in the status ({@code runEndedAt}), so a resumed collection covers the same window.
   */
  private static CollectMetrics collect(Turn t) {
    WorkflowStatus ws = workflowStatus(t);
    Instant stepStart = Turn.time(t.status.getStepStartedAt()).orElse(t.now);
    Instant start =
        Turn.time(ws.getStartedAt())
            .or(() -> Turn.time(t.status.getPhaseStartedAt()))
            .orElse(stepStart);
    Instant end =
        Turn.time(t.status.getRunEndedAt())
            .orElseGet(
                () -> manual(t) ? stepStart : Turn.time(ws.getFinishedAt()).orElse(stepStart));
    return new CollectMetrics(t.experiment(), start.isAfter(end) ? end : start, end);
  }

  /**
   * Submits the workflow unless it exists; the name is fixed, so a second submission is harmless.
   */
  static void submitIfMissing(Turn t) {
    if (t.world.workflow().state().missing()) {
      t.act(
          new SubmitWorkflow(
              workflowStatus(t).getName(), t.spec.getWorkflow().getTemplate(), params(t)));
    }
  }

  /**
   * The user's params plus experiment-name and one {@code <target>-endpoint} per target; ours win.
   */
  private static Map<String, String> params(Turn t) {
    Map<String, String> params = new TreeMap<>();
    if (t.spec.getWorkflow().getParams() != null) {
      params.putAll(t.spec.getWorkflow().getParams());
    }
    params.put("experiment-name", t.experiment());
    for (Target target : t.spec.getTargets()) {
      TargetStatus ts = t.target(target.getName());
      String endpoint =
          PendingPhase.hub(target)
              ? HUB_ENDPOINT
              : ts.getEndpoint() == null ? "" : "https://" + ts.getEndpoint();
      params.put(target.getName() + "-endpoint", endpoint);
    }
    return params;
  }

  private static WorkflowStatus workflowStatus(Turn t) {
    if (t.status.getWorkflowStatus() == null) {
      t.status.setWorkflowStatus(new WorkflowStatus());
    }
    WorkflowStatus ws = t.status.getWorkflowStatus();
    if (ws.getName() == null) {
      ws.setName(ExperimentNames.workflowName(t.experiment()));
    }
    return ws;
  }

  private static void record(WorkflowStatus ws, WorkflowObservation wf) {
    ws.setPhase(
        switch (wf.state()) {
          case PENDING -> "Pending";
          case RUNNING -> "Running";
          case SUCCEEDED -> "Succeeded";
          case FAILED -> "Failed";
          default -> "Error";
        });
    ws.setMessage(wf.message());
    ws.setStartedAt(wf.startedAt());
    ws.setFinishedAt(wf.finishedAt());
    ws.setStep(wf.step());
    ws.setProgress(wf.progress());
  }
}
