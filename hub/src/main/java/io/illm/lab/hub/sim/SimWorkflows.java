package io.illm.lab.hub.sim;

import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Workflows;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Simulated Argo Workflows: Pending for {@link SimTimings#workflowStart()}, Running for {@link
 * SimTimings#workflowRun()}, then Succeeded (or Failed, see {@link #fail}); every template exists
 * unless {@link #removeTemplate removed}.
 */
public final class SimWorkflows implements Workflows {

  private static final class Run {
    final String name;
    final Instant submitted;
    Instant deleteRequested;

    Run(String name, Instant submitted) {
      this.name = name;
      this.submitted = submitted;
    }
  }

  private final SimClock clock;
  private final SimTimings timings;
  private final SimChanges changes;
  private final SimFaults faults = new SimFaults("workflows");
  private final Map<ExperimentId, Run> runs = new HashMap<>();
  private final Map<String, String> failing = new HashMap<>();
  private final Set<String> missingTemplates = new HashSet<>();

  SimWorkflows(SimClock clock, SimTimings timings, SimChanges changes) {
    this.clock = clock;
    this.timings = timings;
    this.changes = changes;
  }

  /**
   * Failure switch: the Workflow {@code name} ends Failed with {@code message} instead of
   * Succeeded.
   */
  public synchronized void fail(String name, String message) {
    failing.put(name, message);
  }

  /** Failure switch: the WorkflowTemplate {@code template} does not exist. */
  public synchronized void removeTemplate(String template) {
    missingTemplates.add(template);
  }

  /** Transient-error switch: the next {@code calls} calls throw. */
  public void failNext(int calls) {
    faults.failNext(calls);
  }

  /** Transient-error switch: the next {@code changes} changes throw; observing still works. */
  public void failNextChanges(int changes) {
    faults.failNextChanges(changes);
  }

  /** How many Workflows exist now, of any experiment. */
  public synchronized int existing() {
    Instant now = clock.instant();
    return (int) runs.values().stream().filter(r -> !state(r, now).missing()).count();
  }

  @Override
  public synchronized WorkflowObservation observe(ExperimentId experiment, String template) {
    faults.check();
    boolean templateMissing = template != null && missingTemplates.contains(template);
    Instant now = clock.instant();
    runs.values().removeIf(r -> state(r, now) == WorkflowState.GONE); // a long run keeps no ghosts
    Run run = runs.get(experiment);
    WorkflowState state = run == null ? WorkflowState.ABSENT : state(run, now);
    if (state.missing()) {
      return new WorkflowObservation(WorkflowState.ABSENT, null, null, null, templateMissing);
    }
    Instant started = run.submitted.plus(timings.workflowStart());
    Instant finished = started.plus(timings.workflowRun());
    return new WorkflowObservation(
        state,
        state == WorkflowState.FAILED ? failing.get(run.name) : null,
        now.isBefore(started) ? null : started.toString(),
        now.isBefore(finished) ? null : finished.toString(),
        templateMissing);
  }

  @Override
  public synchronized void submit(ExperimentId experiment, SubmitWorkflow action) {
    faults.checkChange();
    Run run = runs.get(experiment);
    Instant now = clock.instant();
    if (run == null || state(run, now).missing()) {
      runs.put(experiment, new Run(action.name(), now));
      changes.after(timings.workflowStart(), experiment);
      changes.after(timings.workflowStart().plus(timings.workflowRun()), experiment);
    }
  }

  @Override
  public synchronized void delete(ExperimentId experiment, DeleteWorkflow action) {
    faults.checkChange();
    Run run = runs.get(experiment);
    if (run != null && run.deleteRequested == null) {
      run.deleteRequested = clock.instant();
      changes.after(timings.workflowGone(), experiment);
    }
  }

  @Override
  public boolean simulated() {
    return true;
  }

  private WorkflowState state(Run run, Instant now) {
    if (run.deleteRequested != null) {
      return now.isBefore(run.deleteRequested.plus(timings.workflowGone()))
          ? WorkflowState.DELETING
          : WorkflowState.GONE;
    }
    Instant started = run.submitted.plus(timings.workflowStart());
    if (now.isBefore(started)) {
      return WorkflowState.PENDING;
    }
    if (now.isBefore(started.plus(timings.workflowRun()))) {
      return WorkflowState.RUNNING;
    }
    return failing.containsKey(run.name) ? WorkflowState.FAILED : WorkflowState.SUCCEEDED;
  }
}
