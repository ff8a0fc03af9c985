package io.illm.lab.operator.judge;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.operator.lifecycle.ClusterDefaults;
import io.illm.lab.results.Cost;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Summary.ExperimentInfo;
import io.illm.lab.results.Summary.Provenance;
import io.illm.lab.results.Summary.RunInfo;
import io.illm.lab.results.Summary.TargetInfo;
import io.illm.lab.results.Summary.Window;
import io.illm.lab.results.Summary.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a run's {@link Summary} from the experiment (metadata, the spec the run started with, its
 * status), the collected metrics and what collection knew. Judges the metrics with {@link Judge}.
 * Deterministic: every time comes from the arguments.
 */
public final class SummaryAssembler {

  private SummaryAssembler() {}

  /**
   * The summary of one run.
   *
   * @param experiment the experiment with its status as written at the end of collection
   * @param metrics the collected metrics, one per metric in spec order (statistics are filled here)
   * @param window the measurement window the queries covered
   * @param metricsSource the Prometheus API the queries went to, or {@code simulated}
   * @param attempts how many collections ran
   * @param quality the quality gate's result, or null when it did not run
   * @param cost the run's cost, or null when unknown
   * @param now when collection finished
   * @param simulated whether any part of the run was simulated
   * @param operatorVersion the lab's version
   */
  public static Summary assemble(
      Experiment experiment,
      List<MetricResult> metrics,
      Window window,
      String metricsSource,
      int attempts,
      Quality quality,
      Cost cost,
      Instant now,
      boolean simulated,
      String operatorVersion) {
    ExperimentSpec spec = experiment.getSpec();
    ExperimentStatus status =
        experiment.getStatus() == null ? new ExperimentStatus() : experiment.getStatus();
    Judgment judgment = Judge.judge(spec, metrics == null ? List.of() : metrics);
    return new Summary(
        Summary.SCHEMA_VERSION,
        simulated,
        info(experiment, status),
        run(experiment, status, window),
        targets(spec, status),
        workflow(spec, status),
        judgment.metrics(),
        judgment.comparisons(),
        judgment.verdict(),
        quality,
        cost,
        new Provenance(operatorVersion, metricsSource, now.toString(), attempts));
  }

  private static ExperimentInfo info(Experiment experiment, ExperimentStatus status) {
    var metadata = experiment.getMetadata();
    ExperimentSpec spec = experiment.getSpec();
    var hypothesis = spec.getHypothesis();
    return new ExperimentInfo(
        metadata.getName(),
        metadata.getNamespace(),
        metadata.getUid(),
        status.getSpecHash(),
        spec.getTitle(),
        spec.getDescription(),
        spec.getTags(),
        hypothesis == null ? null : hypothesis.getClaim(),
        hypothesis == null ? null : hypothesis.getQuestions());
  }

  private static RunInfo run(Experiment experiment, ExperimentStatus status, Window window) {
    return new RunInfo(
        status.getPhase() == null ? null : status.getPhase().value(),
        status.getMessage(),
        experiment.getMetadata().getCreationTimestamp(),
        status.getStartedAt(),
        status.getCompletedAt(),
        window);
  }

  /**
   * The spec's targets, in spec order, with the cluster shape in effect (status first, then the
   * defaults).
   */
  static List<TargetInfo> targets(ExperimentSpec spec, ExperimentStatus status) {
    List<TargetInfo> targets = new ArrayList<>();
    if (spec.getTargets() == null) {
      return targets;
    }
    for (Target target : spec.getTargets()) {
      if (target == null
          || target.getCluster() == null
          || target.getCluster().getProvider() == null) {
        continue;
      }
      TargetStatus seen = status(status, target.getName());
      ClusterSpec cluster = target.getCluster();
      List<String> components = seen == null ? null : seen.getComponents();
      if (cluster.getProvider() == Provider.HUB) {
        targets.add(
            new TargetInfo(
                target.getName(), Provider.HUB.value(), "hub", null, null, null, null, components));
        continue;
      }
      String location =
          cluster.getProvider() == Provider.GKE && ClusterDefaults.zone(cluster) != null
              ? ClusterDefaults.zone(cluster)
              : ClusterDefaults.region(cluster);
      String machineType =
          seen != null && seen.getMachineType() != null
              ? seen.getMachineType()
              : ClusterDefaults.machineType(cluster);
      Integer nodeCount =
          seen != null && seen.getNodeCount() != null
              ? seen.getNodeCount()
              : ClusterDefaults.nodeCount(cluster);
      targets.add(
          new TargetInfo(
              target.getName(),
              cluster.getProvider().value(),
              seen == null ? null : seen.getClusterName(),
              location,
              machineType,
              nodeCount,
              Boolean.TRUE.equals(cluster.getPreemptible()),
              components));
    }
    return targets;
  }

  private static WorkflowInfo workflow(ExperimentSpec spec, ExperimentStatus status) {
    String template = spec.getWorkflow() == null ? null : spec.getWorkflow().getTemplate();
    WorkflowStatus workflow = status.getWorkflowStatus();
    if (workflow == null) {
      return new WorkflowInfo(null, template, null, null, null);
    }
    return new WorkflowInfo(
        workflow.getName(),
        template,
        workflow.getPhase(),
        workflow.getStartedAt(),
        workflow.getFinishedAt());
  }

  private static TargetStatus status(ExperimentStatus status, String name) {
    if (status.getTargets() == null) {
      return null;
    }
    return status.getTargets().stream()
        .filter(t -> t != null && Objects.equals(t.getName(), name))
        .findFirst()
        .orElse(null);
  }
}
