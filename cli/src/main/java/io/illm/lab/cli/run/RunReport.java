package io.illm.lab.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.operator.lifecycle.CurrentDeadline;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code ./lab run} prints about an experiment's status: one progress line per change, and the
 * outcome at the end (human or JSON). Pure formatting; the command decides when.
 */
final class RunReport {

  static final String SIMULATED =
      "SIMULATED: the clusters, deployments and workflow of this run were objects in an"
          + " in-process API server acted on by simulated controllers, and its summary says simulated: true; its numbers"
          + " are not measurements of real clusters.";

  private RunReport() {}

  /**
   * What identifies a state worth a line: phase, step, each target's phase, the workflow's phase,
   * and the outcome fields. Two statuses with the same key make one line.
   */
  static String key(ExperimentStatus status) {
    if (status == null) {
      return "";
    }
    return phase(status)
        + "|"
        + status.getStep()
        + "|"
        + targets(status)
        + "|"
        + workflow(status)
        + "|"
        + status.getResultsURL()
        + "|"
        + status.getHypothesisResult()
        + "|"
        + status.getResourcesCleaned();
  }

  /**
   * One progress line: real elapsed time (and simulated), phase, step, per-target state, and how
   * long the current phase has left before its deadline, in simulated time.
   */
  static String line(
      ExperimentSpec spec,
      ExperimentStatus status,
      Duration realElapsed,
      Duration simElapsed,
      Instant simNow) {
    StringBuilder line = new StringBuilder();
    line.append(
        String.format(
            Locale.ROOT,
            "[%6.1fs | sim %8s] ",
            realElapsed.toMillis() / 1000.0,
            duration(simElapsed)));
    if (status == null || status.getPhase() == null) {
      return line.append("Created, waiting for the operator").toString();
    }
    line.append(phase(status));
    if (status.getStep() != null) {
      line.append(" / ").append(status.getStep());
    }
    String targets = targets(status);
    if (!targets.isEmpty()) {
      line.append("  targets: ").append(targets);
    }
    String workflow = workflow(status);
    if (!workflow.isEmpty()) {
      line.append("  workflow: ").append(workflow);
    }
    CurrentDeadline.of(spec, status, simNow)
        .ifPresent(
            d ->
                line.append("  deadline: ")
                    .append(duration(d.remaining()))
                    .append(" left (spec.deadlines.")
                    .append(d.field())
                    .append(")"));
    return line.toString();
  }

  /** The human summary of a finished (or timed-out) run. */
  static List<String> summary(
      Experiment experiment, ExperimentStatus status, Optional<String> timeout) {
    List<String> lines = new ArrayList<>();
    String name = experiment.getMetadata().getName();
    if (timeout.isPresent()) {
      lines.add(name + ": no outcome: " + timeout.get());
    } else {
      lines.add(
          name
              + ": "
              + phase(status)
              + StatusReason.reason(status).map(r -> " (" + r + ")").orElse(""));
    }
    StatusReason.message(status).ifPresent(m -> lines.add("  message: " + m));
    if (status != null && status.getHypothesisResult() != null) {
      lines.add(
          "  verdict: hypothesis "
              + status.getHypothesisResult().value()
              + " (on simulated metrics)");
    }
    if (status != null && status.getResultsURL() != null) {
      lines.add("  results: " + status.getResultsURL());
    }
    cost(status).ifPresent(c -> lines.add("  cost: " + c));
    if (status != null && "Retaining".equals(status.getStep())) {
      lines.add(
          "  cleanup: spec.cleanup retains the children; the embedded hub discards them as it stops");
    }
    lines.add(SIMULATED);
    return lines;
  }

  /** The machine-readable outcome: one object, for scripts and AI assistants. */
  static ObjectNode json(Experiment experiment, ExperimentStatus status, Optional<String> timeout) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("experiment", experiment.getMetadata().getName());
    root.put("namespace", experiment.getMetadata().getNamespace());
    root.put(
        "phase", status == null || status.getPhase() == null ? null : status.getPhase().toString());
    root.put("reason", StatusReason.reason(status).orElse(null));
    root.put("message", StatusReason.message(status).orElse(null));
    root.put(
        "verdict",
        status == null || status.getHypothesisResult() == null
            ? null
            : status.getHypothesisResult().value());
    root.put("resultsURL", status == null ? null : status.getResultsURL());
    root.put("timedOut", timeout.isPresent());
    root.put("timeout", timeout.orElse(null));
    root.put("simulated", true);
    root.put("note", SIMULATED);
    JsonNode full = status == null ? LabYaml.json().nullNode() : LabYaml.json().valueToTree(status);
    root.set("status", full);
    return root;
  }

  private static Optional<String> cost(ExperimentStatus status) {
    CostEstimate cost = status == null ? null : status.getCost();
    if (cost == null) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (cost.getActualUSD() != null) {
      parts.add(String.format(Locale.ROOT, "$%.2f actual", cost.getActualUSD()));
    }
    if (cost.getEstimatedUSD() != null) {
      parts.add(String.format(Locale.ROOT, "$%.2f estimated", cost.getEstimatedUSD()));
    }
    if (cost.getHourlyUSD() != null) {
      parts.add(String.format(Locale.ROOT, "$%.2f/h", cost.getHourlyUSD()));
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join(", ", parts) + " (simulated time, list prices)");
  }

  private static String phase(ExperimentStatus status) {
    return status == null || status.getPhase() == null ? "Pending" : status.getPhase().toString();
  }

  private static String targets(ExperimentStatus status) {
    List<TargetStatus> targets = status.getTargets();
    if (targets == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (TargetStatus t : targets) {
      parts.add(t.getName() + "=" + (t.getPhase() == null ? "?" : t.getPhase()));
    }
    return String.join(" ", parts);
  }

  private static String workflow(ExperimentStatus status) {
    WorkflowStatus workflow = status.getWorkflowStatus();
    return workflow == null || workflow.getPhase() == null ? "" : workflow.getPhase();
  }

  /** {@code 1h02m03s}-style, whole seconds, never negative. */
  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
