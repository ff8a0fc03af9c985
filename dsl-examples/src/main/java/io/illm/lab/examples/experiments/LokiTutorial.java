package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.LOG_GENERATOR;
import static io.illm.lab.examples.components.Observability.ALERTMANAGER_ENABLED;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.LOKI;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_ENABLED;
import static io.illm.lab.examples.components.Observability.PROMTAIL;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.examples.workflows.Workflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on Loki tutorial: Loki, Promtail, Grafana (from kube-prometheus-stack with Prometheus and
 * Alertmanager off) and a log generator. Once ready, the learner gets the cluster's kubeconfig and
 * the services to open: Grafana and the Loki gateway (both on port 80, the charts' defaults).
 */
public final class LokiTutorial {

  private LokiTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("loki-tutorial")
        .title("Tutorial: Loki Log Aggregation on Kubernetes")
        .describe("Loki log aggregation tutorial with LogQL learning")
        .tag("tutorial", "observability", "logging")
        .target(
            target("app")
                .on(gke().spot())
                .deploy(
                    LOKI,
                    PROMTAIL,
                    KUBE_PROMETHEUS_STACK
                        .with(PROMETHEUS_ENABLED, false)
                        .with(ALERTMANAGER_ENABLED, false)
                        .with(GRAFANA_ENABLED, true),
                    LOG_GENERATOR)
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("grafana", "app", "kube-prometheus-stack-grafana", 80)
                .service("loki", "app", "loki-gateway", 80))
        .workflow(workflow(Workflows.lokiTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(5)
        .build();
  }
}
