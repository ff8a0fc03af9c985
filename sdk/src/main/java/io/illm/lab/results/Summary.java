package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One run of an experiment, as kept in the results store ({@code summary.json}). Written once per
 * run by the operator after collection; everything a reader needs (the site, {@code ./lab results})
 * is in it.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; a reader refuses a newer major version
 * @param simulated true when any part of the run was simulated: its numbers are not measurements
 * @param experiment identity and description of the experiment
 * @param run phase, timestamps and the measurement window of this run
 * @param targets the targets with the cluster shapes in effect
 * @param workflow the workflow that generated the load
 * @param metrics every metric, per target where asked, with its series and statistics
 * @param comparisons target against target, per metric, where the experiment has two or more
 *     targets
 * @param verdict the hypothesis verdict with per-criterion detail
 * @param quality the quality gate: data coverage and collection attempts
 * @param cost estimated and actual cost with the price table used
 * @param provenance where the numbers came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "schemaVersion",
  "simulated",
  "experiment",
  "run",
  "targets",
  "workflow",
  "metrics",
  "comparisons",
  "verdict",
  "quality",
  "cost",
  "provenance"
})
public record Summary(
    int schemaVersion,
    boolean simulated,
    ExperimentInfo experiment,
    RunInfo run,
    List<TargetInfo> targets,
    WorkflowInfo workflow,
    List<MetricResult> metrics,
    List<Comparison> comparisons,
    Verdict verdict,
    Quality quality,
    Cost cost,
    Provenance provenance) {

  /** The version this code writes. */
  public static final int SCHEMA_VERSION = 1;

  public Summary {
    targets = targets == null ? List.of() : List.copyOf(targets);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
  }

  /** The metric called {@code name}, or null. */
  public MetricResult metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Who and what the experiment is.
   *
   * @param name metadata.name
   * @param namespace metadata.namespace
   * @param uid metadata.uid, which tells two runs of the same name apart
   * @param specHash the hash of the spec the run started with
   * @param title spec.title
   * @param description spec.description
   * @param tags spec.tags, sorted
   * @param hypothesis spec.hypothesis.claim
   * @param questions spec.hypothesis.questions
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "name",
    "namespace",
    "uid",
    "specHash",
    "title",
    "description",
    "tags",
    "hypothesis",
    "questions"
  })
  public record ExperimentInfo(
      String name,
      String namespace,
      String uid,
      String specHash,
      String title,
      String description,
      List<String> tags,
      String hypothesis,
      List<String> questions) {
    public ExperimentInfo {
      tags = tags == null ? List.of() : tags.stream().sorted().distinct().toList();
      questions = questions == null ? List.of() : List.copyOf(questions);
    }
  }

  /**
   * The run: its outcome and when things happened (RFC 3339 UTC).
   *
   * @param phase Complete or Failed
   * @param message why the run ended the way it did
   * @param createdAt when the experiment object was created
   * @param startedAt when the run started (Provisioning)
   * @param completedAt when it reached its terminal phase
   * @param window the measurement window the queries covered (the workflow's, not the provisioning
   *     time)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"phase", "message", "createdAt", "startedAt", "completedAt", "window"})
  public record RunInfo(
      String phase,
      String message,
      String createdAt,
      String startedAt,
      String completedAt,
      Window window) {}

  /**
   * The time the metrics describe.
   *
   * @param start inclusive, RFC 3339
   * @param end inclusive, RFC 3339
   * @param stepSeconds resolution of range queries
   * @param repetitions how many equal consecutive windows the window was cut into (1: the whole
   *     window)
   */
  @JsonPropertyOrder({"start", "end", "stepSeconds", "repetitions"})
  public record Window(String start, String end, long stepSeconds, int repetitions) {}

  /**
   * A target and the cluster it ran on, with defaults applied.
   *
   * @param name spec.targets[].name
   * @param provider gke, eks, aks or hub
   * @param clusterName the cluster's name (hub for hub targets)
   * @param location zone or region
   * @param machineType machine shape in effect
   * @param nodeCount node count in effect
   * @param preemptible spot/preemptible nodes
   * @param components deployed components as Kind/name
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "name",
    "provider",
    "clusterName",
    "location",
    "machineType",
    "nodeCount",
    "preemptible",
    "components"
  })
  public record TargetInfo(
      String name,
      String provider,
      String clusterName,
      String location,
      String machineType,
      Integer nodeCount,
      Boolean preemptible,
      List<String> components) {
    public TargetInfo {
      components = components == null ? List.of() : List.copyOf(components);
    }
  }

  /**
   * The load-generating workflow.
   *
   * @param name the Workflow object's name
   * @param template spec.workflow.template
   * @param phase the workflow's last phase
   * @param startedAt RFC 3339
   * @param finishedAt RFC 3339
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "template", "phase", "startedAt", "finishedAt"})
  public record WorkflowInfo(
      String name, String template, String phase, String startedAt, String finishedAt) {}

  /**
   * Provenance of the numbers.
   *
   * @param operatorVersion the lab's version
   * @param metricsSource the Prometheus API the queries went to, or {@code simulated}
   * @param collectedAt when collection finished, RFC 3339
   * @param attempts how many collections ran (the quality gate may repeat it)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"operatorVersion", "metricsSource", "collectedAt", "attempts"})
  public record Provenance(
      String operatorVersion, String metricsSource, String collectedAt, int attempts) {}
}
