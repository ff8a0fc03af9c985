package io.illm.lab.examples.workflows;

import static io.illm.lab.dsl.Lab.workflowTemplate;

import io.illm.lab.dsl.HttpLoad;
import io.illm.lab.dsl.IngestLoad;
import io.illm.lab.dsl.LabSteps;
import io.illm.lab.dsl.LabWorkflowTemplate;
import io.illm.lab.dsl.LogLoad;
import io.illm.lab.dsl.StepDef;
import io.illm.lab.dsl.WorkflowTemplateDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The WorkflowTemplates of the lab's experiments: each waits for the target's workloads, checks a
 * Service answers, applies a typed load and records the load it applied (the workflow output {@code
 * load}). {@code ./lab synth} writes each to {@code experiments/<name>/workflow-template.yaml}.
 */
public final class Workflows {

  /** Every experiment here has one target, named so. */
  static final String TARGET = "app";

  /** How long a template waits for the target's workloads. */
  static final Duration READY = Duration.ofMinutes(10);

  private Workflows() {}

  /** hello-app: 20 requests/s for 5 minutes on the app. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef helloApp() {
    HttpLoad load = HttpLoad.k6(TARGET, "hello-app", 80).rate(20).duration(Duration.ofMinutes(5));
    return standard(
        workflowTemplate("hello-app-validation")
            .describe("hello-app: ready, answering, then 20 requests/s of k6 for 5 minutes"),
        LabSteps.smoke("smoke", TARGET, "hello-app", 80, "/"),
        load.step(),
        load.durationParam());
  }

  /**
   * prometheus-tutorial: Prometheus ready, then light traffic on metrics-app for the dashboards.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef prometheusTutorial() {
    HttpLoad load =
        HttpLoad.k6(TARGET, "metrics-app", 8080).rate(5).duration(Duration.ofMinutes(15));
    return standard(
        workflowTemplate("prometheus-validation")
            .describe("prometheus-tutorial: Prometheus ready, then 5 requests/s on metrics-app"),
        LabSteps.smoke("smoke", TARGET, "kube-prometheus-stack-prometheus", 9090, "/-/ready"),
        load.step(),
        load.durationParam());
  }

  /** loki-tutorial: the Loki gateway answers, then 200 log lines/s for 15 minutes. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef lokiTutorial() {
    LogLoad load = LogLoad.flog(TARGET).linesPerSecond(200).duration(Duration.ofMinutes(15));
    return standard(
        workflowTemplate("loki-validation")
            .describe("loki-tutorial: Loki ready, then 200 log lines/s of flog for 15 minutes"),
        LabSteps.smoke("smoke", TARGET, "loki-gateway", 80, "/"),
        load.step(),
        load.durationParam());
  }

  /**
   * tsdb-comparison: the same remote-written series (10 x 100, a sample every 15 s) into
   * VictoriaMetrics and Mimir for the 90 minutes of observation; Prometheus scrapes the cardinality
   * generator and remote-writes to Mimir as before.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef tsdbComparison() {
    IngestLoad load =
        IngestLoad.avalanche(
                TARGET,
                "http://victoria-metrics-victoria-metrics-single-server:8428/api/v1/write",
                "http://mimir-gateway:80/api/v1/push")
            .series(10, 100)
            .every(Duration.ofSeconds(15))
            .duration(Duration.ofMinutes(90));
    return standard(
        workflowTemplate("tsdb-comparison-validation")
            .describe(
                "tsdb-comparison: every TSDB ready, then 1,000 series into VM and Mimir for 90 minutes"),
        LabSteps.smoke(
            "smoke", TARGET, "victoria-metrics-victoria-metrics-single-server", 8428, "/health"),
        load.step(),
        load.durationParam());
  }

  /**
   * tsdb-matrix: both TSDBs ready on GKE and EKS, then the same remote-written series (10 x 2,000,
   * a sample every 15 s, for 60 minutes) into each of the four databases at once.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef tsdbMatrix() {
    String[] targets = {"prom-gke", "prom-eks", "vm-gke", "vm-eks"};
    List<StepDef> ingest = new ArrayList<>();
    IngestLoad first = null;
    for (String target : targets) {
      IngestLoad load =
          IngestLoad.avalanche(
                  target,
                  target.startsWith("vm")
                      ? "http://victoria-metrics-victoria-metrics-single-server:8428/api/v1/write"
                      : "http://kube-prometheus-stack-prometheus:9090/api/v1/write")
              .series(10, 2000)
              .every(Duration.ofSeconds(15))
              .duration(Duration.ofMinutes(60));
      first = first == null ? load : first;
      StepDef step = load.step();
      ingest.add(new StepDef("ingest-" + target, step.script(), step.arguments(), step.when()));
    }
    WorkflowTemplateDef template =
        workflowTemplate("tsdb-matrix-validation")
            .describe(
                "tsdb-matrix: both TSDBs ready on GKE and EKS, then 20,000 series into each for 60"
                    + " minutes")
            .param(LabSteps.EXPERIMENT_NAME, first.durationParam());
    for (String target : targets) {
      template = template.param(LabSteps.endpoint(target));
    }
    return template
        .step(LabSteps.waitForWorkloads(READY, targets))
        .step(
            LabSteps.smoke(
                "smoke",
                targets[2],
                "victoria-metrics-victoria-metrics-single-server",
                8428,
                "/health"))
        .step(ingest.toArray(StepDef[]::new))
        .step(LabSteps.recordLoad(ingest.get(0)))
        .deadline(Duration.ofHours(2));
  }

  /**
   * wait, smoke, load, record on the one target {@link #TARGET}: the shape of most templates of the
   * catalogue (the other template classes of this package use it too).
   */
  static WorkflowTemplateDef standard(
      WorkflowTemplateDef template,
      StepDef smoke,
      StepDef load,
      io.illm.lab.dsl.WorkflowParam duration) {
    return template
        .param(LabSteps.EXPERIMENT_NAME, LabSteps.endpoint(TARGET), duration)
        .step(LabSteps.waitForWorkloads(READY, TARGET))
        .step(smoke)
        .step(load)
        .step(LabSteps.recordLoad(load))
        .deadline(Duration.ofHours(3));
  }
}
