package io.illm.lab.cli.follow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.lifecycle.CurrentDeadline;
import io.illm.lab.yaml.LabYaml;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code ./lab run} and {@code ./lab submit} print about an experiment they follow: one line
 * (or JSON object) per change of its status, and a summary once it ends. Pure formatting; the times
 * come from a {@link Timeline}, the deadlines from the status' phase and step start times.
 */
public final class Progress {

  private Progress() {}

  /** The experiment's phase; Pending before the operator wrote one. */
  public static Phase phase(Experiment experiment) {
    return phaseOf(experiment.getStatus());
  }

  /** True in Complete and Failed, the phases an experiment does not leave. */
  public static boolean terminal(Experiment experiment) {
    Phase phase = phase(experiment);
    return phase == Phase.COMPLETE || phase == Phase.FAILED;
  }

  /**
   * One human line: {@code [elapsed 1m2s] Provisioning / CreatingClusters targets: app=Provisioning
   * deadline: 8m58s left (spec.deadlines.provisioning)}, with the reason once it ended.
   */
  public static String line(Experiment experiment, Timeline time) {
    ExperimentStatus s = experiment.getStatus();
    StringBuilder line = new StringBuilder(time.stamp(experiment)).append(' ');
    if (s == null || s.getPhase() == null) {
      return line.append("Pending: waiting for the operator to pick it up").toString();
    }
    line.append(s.getPhase());
    if (s.getStep() != null) {
      line.append(" / ").append(s.getStep());
    }
    append(line, "targets", targets(s));
    append(line, "workflow", workflowDetail(s));
    deadline(experiment, time)
        .ifPresent(
            d ->
                line.append("  deadline: ")
                    .append(duration(d.remaining()))
                    .append(" left (spec.deadlines.")
                    .append(d.field())
                    .append(")"));
    if (terminal(experiment)) {
      append(line, "reason", StatusReason.reason(s).orElse(""));
    }
    return line.toString();
  }

  /**
   * The same as one JSON object, every key always present (null when unknown); {@code context} is
   * the kube context, null on the embedded hub.
   */
  public static ObjectNode json(Experiment experiment, String context, Timeline time) {
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
    root.put("elapsedSeconds", time.elapsed(experiment).getSeconds());
    root.set("deadline", deadlineJson(experiment, time));
    root.put("terminal", terminal(experiment));
    outcome(root, s);
    root.set("tutorial", Tutorials.json(experiment));
    return root;
  }

  /** {@code json} on one line (JSON Lines). */
  public static String oneLine(ObjectNode json) {
    try {
      return LabYaml.json().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain values always writes
    }
  }

  /**
   * The human summary of an experiment that ended. With {@code simulated} the verdict and the cost
   * say that their inputs were simulated.
   */
  public static List<String> summary(Experiment experiment, boolean simulated) {
    ExperimentStatus s = experiment.getStatus();
    String reason = StatusReason.reason(s).map(r -> " (" + r + ")").orElse("");
    List<String> lines =
        details(experiment.getMetadata().getName() + ": " + phaseOf(s) + reason, s, simulated);
    Tutorials.lines(experiment).forEach(l -> lines.add("  " + l));
    return lines;
  }

  /** The human summary of an experiment followed until it was given up on, and {@code why}. */
  public static List<String> noOutcome(Experiment experiment, String why, boolean simulated) {
    String head = experiment.getMetadata().getName() + ": no outcome: " + why;
    return details(head, experiment.getStatus(), simulated);
  }

  /**
   * A duration as the lab writes them ({@code 1h2m3s}, like {@code spec.deadlines}), whole seconds,
   * never negative.
   */
  public static String duration(Duration d) {
    return Durations.format(whole(d));
  }

  /** Whole seconds, never negative. */
  static Duration whole(Duration d) {
    return d.isNegative() ? Duration.ZERO : d.withNanos(0);
  }

  private static List<String> details(String head, ExperimentStatus s, boolean simulated) {
    List<String> lines = new ArrayList<>();
    lines.add(head);
    StatusReason.message(s).ifPresent(m -> lines.add("  message: " + m));
    if (s != null && s.getHypothesisResult() != null) {
      lines.add(
          "  verdict: hypothesis "
              + s.getHypothesisResult().value()
              + (simulated ? " (on simulated metrics)" : ""));
    }
    if (s != null && s.getResultsURL() != null) {
      lines.add("  results: " + s.getResultsURL());
    }
    cost(s, simulated).ifPresent(c -> lines.add("  cost: " + c));
    return lines;
  }

  private static void outcome(ObjectNode root, ExperimentStatus s) {
    root.put("reason", StatusReason.reason(s).orElse(null));
    root.put("message", StatusReason.message(s).orElse(null));
    root.put(
        "verdict",
        s == null || s.getHypothesisResult() == null ? null : s.getHypothesisResult().value());
    root.put("resultsURL", s == null ? null : s.getResultsURL());
    root.put("resourcesCleaned", s == null ? null : s.getResourcesCleaned());
  }

  private static Optional<CurrentDeadline> deadline(Experiment experiment, Timeline time) {
    return CurrentDeadline.of(experiment.getSpec(), experiment.getStatus(), time.now());
  }

  private static ObjectNode deadlineJson(Experiment experiment, Timeline time) {
    Optional<CurrentDeadline> deadline = deadline(experiment, time);
    if (deadline.isEmpty()) {
      return null;
    }
    ObjectNode node = LabYaml.json().createObjectNode();
    node.put("field", "spec.deadlines." + deadline.get().field());
    node.put("remainingSeconds", deadline.get().remaining().getSeconds());
    return node;
  }

  private static Optional<String> cost(ExperimentStatus status, boolean simulated) {
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
    String basis = simulated ? " (simulated time, list prices)" : " (list prices)";
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts) + basis);
  }

  private static void append(StringBuilder line, String label, String value) {
    if (!value.isEmpty()) {
      line.append("  ").append(label).append(": ").append(value);
    }
  }

  static Phase phaseOf(ExperimentStatus status) {
    return status == null || status.getPhase() == null ? Phase.PENDING : status.getPhase();
  }

  static String targets(ExperimentStatus status) {
    if (status.getTargets() == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (TargetStatus t : status.getTargets()) {
      parts.add(t.getName() + "=" + (t.getPhase() == null ? "?" : t.getPhase()));
    }
    return String.join(" ", parts);
  }

  /**
   * The workflow's phase, then the steps done of all and the step running: {@code Running 2/4
   * load}.
   */
  static String workflowDetail(ExperimentStatus status) {
    String phase = workflow(status);
    if (phase.isEmpty()) {
      return phase;
    }
    StringBuilder detail = new StringBuilder(phase);
    if (status.getWorkflowStatus().getProgress() != null) {
      detail.append(' ').append(status.getWorkflowStatus().getProgress());
    }
    if (status.getWorkflowStatus().getStep() != null) {
      detail.append(' ').append(status.getWorkflowStatus().getStep());
    }
    return detail.toString();
  }

  static String workflow(ExperimentStatus status) {
    return status.getWorkflowStatus() == null || status.getWorkflowStatus().getPhase() == null
        ? ""
        : status.getWorkflowStatus().getPhase();
  }
}
