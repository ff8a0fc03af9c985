package io.illm.lab.examples.workflows;

import static io.illm.lab.dsl.Lab.workflowTemplate;
import static io.illm.lab.examples.workflows.Workflows.TARGET;
import static io.illm.lab.examples.workflows.Workflows.standard;

import io.illm.lab.dsl.HttpLoad;
import io.illm.lab.dsl.IngestLoad;
import io.illm.lab.dsl.LabSteps;
import io.illm.lab.dsl.LabWorkflowTemplate;
import io.illm.lab.dsl.LogLoad;
import io.illm.lab.dsl.WorkflowTemplateDef;
import java.time.Duration;

/**
 * The WorkflowTemplates of the hands-on tutorials: the stack ready, one Service answering, then a
 * load the learner watches arrive in the tools the tutorial opens, recorded for the measurements.
 * Each keeps the name the original's experiment referred to (the original had none of them: its
 * tutorials fell back to an inline suspend).
 */
public final class TutorialWorkflows {

  /** The Prometheus of kube-prometheus-stack, in the experiment's namespace. */
  public static final String PROMETHEUS_WRITE =
      "http://kube-prometheus-stack-prometheus:9090/api/v1/write";

  private TutorialWorkflows() {}

  /** elk-tutorial: Elasticsearch healthy, then 200 log lines/s for Fluent Bit to ship. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef elkTutorial() {
    LogLoad load = LogLoad.flog(TARGET).linesPerSecond(200).duration(Duration.ofMinutes(15));
    return standard(
        workflowTemplate("elk-validation")
            .describe("elk-tutorial: Elasticsearch ready, then 200 log lines/s of flog for 15 min"),
        LabSteps.smoke("smoke", TARGET, "elasticsearch-master", 9200, "/_cluster/health"),
        load.step(),
        load.durationParam());
  }

  /** gateway-tutorial: nginx answering, then 50 requests/s on it, the baseline before routing. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef gatewayTutorial() {
    HttpLoad load = HttpLoad.k6(TARGET, "nginx", 80).rate(50).duration(Duration.ofMinutes(10));
    return standard(
        workflowTemplate("gateway-validation")
            .describe("gateway-tutorial: nginx ready, then 50 requests/s of k6 for 10 minutes"),
        LabSteps.smoke("smoke", TARGET, "nginx", 80, "/"),
        load.step(),
        load.durationParam());
  }

  /**
   * obs-cost-tutorial: Prometheus ready, then a cardinality explosion: 10 x 1,000 series
   * remote-written into it, a sample every 15 s, for 20 minutes.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef observabilityCostTutorial() {
    IngestLoad load =
        IngestLoad.avalanche(TARGET, PROMETHEUS_WRITE)
            .series(10, 1000)
            .every(Duration.ofSeconds(15))
            .duration(Duration.ofMinutes(20));
    return standard(
        workflowTemplate("observability-cost-validation")
            .describe("obs-cost-tutorial: Prometheus ready, then 10,000 new series for 20 minutes"),
        LabSteps.smoke("smoke", TARGET, "kube-prometheus-stack-prometheus", 9090, "/-/ready"),
        load.step(),
        load.durationParam());
  }

  /** otel-tutorial: Tempo ready, then 20 requests/s on user-service, each one a trace. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef otelTutorial() {
    HttpLoad load =
        HttpLoad.k6(TARGET, "user-service", 8080).rate(20).duration(Duration.ofMinutes(15));
    return standard(
        workflowTemplate("otel-validation")
            .describe("otel-tutorial: Tempo ready, then 20 requests/s on user-service for 15 min"),
        LabSteps.smoke("smoke", TARGET, "tempo", 3100, "/ready"),
        load.step(),
        load.durationParam());
  }

  /** seaweedfs-tutorial: the master answering, then 50 reads/s on the filer for 10 minutes. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef seaweedfsTutorial() {
    HttpLoad load =
        HttpLoad.k6(TARGET, "seaweedfs-filer", 8888).rate(50).duration(Duration.ofMinutes(10));
    return standard(
        workflowTemplate("seaweedfs-validation")
            .describe("seaweedfs-tutorial: master ready, then 50 filer reads/s for 10 minutes"),
        LabSteps.smoke("smoke", TARGET, "seaweedfs-master", 9333, "/cluster/status"),
        load.step(),
        load.durationParam());
  }

  /**
   * slo-tutorial: metrics-app answering, then injected errors: 10 requests/s for 15 minutes on a
   * path it does not serve, every one answered 404, which burns the error budget of the SLO the
   * tutorial writes fast enough for Pyrra's fast burn-rate alert.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef sloTutorial() {
    HttpLoad load =
        HttpLoad.k6(TARGET, "metrics-app", 8080)
            .path("/injected-error")
            .rate(10)
            .duration(Duration.ofMinutes(15));
    return standard(
        workflowTemplate("slo-validation")
            .describe("slo-tutorial: metrics-app ready, then 10 failing requests/s for 15 min"),
        LabSteps.smoke("smoke", TARGET, "metrics-app", 8080, "/metrics"),
        load.step(),
        load.durationParam());
  }

  /** cicd-fundamentals: the deployed release answers, then 20 requests/s on it for 5 minutes. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef cicdFundamentals() {
    HttpLoad load = HttpLoad.k6(TARGET, "hello-app", 80).rate(20).duration(Duration.ofMinutes(5));
    return standard(
        workflowTemplate("cicd-fundamentals-validation")
            .describe("cicd-fundamentals: the release answers, then 20 requests/s for 5 minutes"),
        LabSteps.smoke("smoke", TARGET, "hello-app", 80, "/"),
        load.step(),
        load.durationParam());
  }
}
