package io.illm.lab.cli.submit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.run.StatusReason;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.lifecycle.CurrentDeadline;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./lab submit} prints about an experiment on a cluster: one line (or JSON object) per
 * change of its status, and a summary once it ends. Pure formatting; elapsed time is counted from
 * the object's {@code creationTimestamp}, deadlines from the status' phase and step start times.
 */
final class Progress {

  private Progress() {}

  /** The experiment's phase; Pending before the operator wrote one. */
  static Phase phase(Experiment experiment) {
    return phaseOf(experiment.getStatus());
  }

  /** True in Complete and Failed, the phases an experiment does not leave. */
  static boolean terminal(Experiment experiment) {
    Phase phase = phaseOf(experiment.getStatus());
    return phase == Phase.COMPLETE || phase == Phase.FAILED;
  }

  /**
   * What identifies a state worth a line: phase, step, each target's phase, the workflow's phase
   * and the outcome. The operator's other status writes (timestamps, conditions' times) make none.
   */
  static String key(Experiment experiment) {
    ExperimentStatus s = experiment.getStatus();
    if (s == null) {
      return "";
    }
    return String.join(
        "|",
        phaseOf(s).toString(),
        String.valueOf(s.getStep()),
        targets(s),
        workflow(s),
        StatusReason.reason(s).orElse(""),
        StatusReason.message(s).orElse(""),
        String.valueOf(s.getHypothesisResult()),
        String.valueOf(s.getResultsURL()),
        String.valueOf(s.getResourcesCleaned()));
  }

  /**
   * One human line: {@code [elapsed 1m2s] Provisioning / CreatingClusters targets: app=Provisioning
   * deadline: 8m58s left (spec.deadlines.provisioning)}.
   */
  static String line(Experiment experiment, Instant now) {
    ExperimentStatus s = experiment.getStatus();
    StringBuilder line =
        new StringBuilder("[elapsed ")
            .append(Durations.format(elapsed(experiment, now)))
            .append("] ");
    if (s == null || s.getPhase() == null) {
      return line.append("Pending: waiting for the operator to pick it up").toString();
    }
    line.append(s.getPhase());
    if (s.getStep() != null) {
      line.append(" / ").append(s.getStep());
    }
    String targets = targets(s);
    if (!targets.isEmpty()) {
      line.append("  targets: ").append(targets);
    }
    String workflow = workflow(s);
    if (!workflow.isEmpty()) {
      line.append("  workflow: ").append(workflow);
    }
    CurrentDeadline.of(experiment.getSpec(), s, now)
        .ifPresent(
            d ->
                line.append("  deadline: ")
                    .append(Durations.format(d.remaining().withNanos(0)))
                    .append(" left (spec.deadlines.")
                    .append(d.field())
                    .append(")"));
    if (terminal(experiment)) {
      StatusReason.reason(s).ifPresent(r -> line.append("  reason: ").append(r));
    }
    return line.toString();
  }

  /** The same as one JSON object, every key always present (null when unknown). */
  static ObjectNode json(Experiment experiment, String context, Instant now) {
    ExperimentStatus s = experiment.getStatus();
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("experiment", experiment.getMetadata().getName());
    root.put("namespace", experiment.getMetadata().getNamespace());
    root.put("context", context);
    root.put("uid", experiment.getMetadata().getUid());
    root.put("phase", phaseOf(s).toString());
    root.put("step", s == null ? null : s.getStep());
    ArrayNode targets = root.putArray("targets");
    if (s != null && s.getTargets() != null) {
      for (TargetStatus t : s.getTargets()) {
        targets.addObject().put("name", t.getName()).put("phase", t.getPhase());
      }
    }
    root.put("workflow", s == null || workflow(s).isEmpty() ? null : workflow(s));
    root.put("elapsedSeconds", elapsed(experiment, now).getSeconds());
    Optional<CurrentDeadline> deadline = CurrentDeadline.of(experiment.getSpec(), s, now);
    if (deadline.isPresent()) {
      root.putObject("deadline")
          .put("field", "spec.deadlines." + deadline.get().field())
          .put("remainingSeconds", deadline.get().remaining().getSeconds());
    } else {
      root.putNull("deadline");
    }
    root.put("terminal", terminal(experiment));
    root.put("reason", StatusReason.reason(s).orElse(null));
    root.put("message", StatusReason.message(s).orElse(null));
    root.put(
        "verdict",
        s == null || s.getHypothesisResult() == null ? null : s.getHypothesisResult().value());
    root.put("resultsURL", s == null ? null : s.getResultsURL());
    root.put("resourcesCleaned", s == null ? null : s.getResourcesCleaned());
    return root;
  }

  /** The human summary of an experiment that ended. */
  static List<String> summary(Experiment experiment) {
    ExperimentStatus s = experiment.getStatus();
    List<String> lines = new ArrayList<>();
    lines.add(
        experiment.getMetadata().getName()
            + ": "
            + phaseOf(s)
            + StatusReason.reason(s).map(r -> " (" + r + ")").orElse(""));
    StatusReason.message(s).ifPresent(m -> lines.add("  message: " + m));
    if (s != null && s.getHypothesisResult() != null) {
      lines.add("  verdict: hypothesis " + s.getHypothesisResult().value());
    }
    if (s != null && s.getResultsURL() != null) {
      lines.add("  results: " + s.getResultsURL());
    }
    return lines;
  }

  /** Since the object was created (the server's clock), never negative; zero when unknown. */
  static Duration elapsed(Experiment experiment, Instant now) {
    String created = experiment.getMetadata().getCreationTimestamp();
    if (created == null) {
      return Duration.ZERO;
    }
    try {
      Duration d = Duration.between(Instant.parse(created), now).withNanos(0);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }

  private static Phase phaseOf(ExperimentStatus status) {
    return status == null || status.getPhase() == null ? Phase.PENDING : status.getPhase();
  }

  private static String targets(ExperimentStatus status) {
    if (status.getTargets() == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (TargetStatus t : status.getTargets()) {
      parts.add(t.getName() + "=" + (t.getPhase() == null ? "?" : t.getPhase()));
    }
    return String.join(" ", parts);
  }

  private static String workflow(ExperimentStatus status) {
    return status.getWorkflowStatus() == null || status.getWorkflowStatus().getPhase() == null
        ? ""
        : status.getWorkflowStatus().getPhase();
  }
}
