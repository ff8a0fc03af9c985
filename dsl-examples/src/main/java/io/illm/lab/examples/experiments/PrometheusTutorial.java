package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.METRICS_APP;
import static io.illm.lab.examples.components.Apps.STATION_MONITOR;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_RETENTION;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.examples.workflows.Workflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on Prometheus tutorial: the stack, an app with metrics and the station-monitor puzzle. It
 * ends by hand (the complete annotation) or at the running deadline. Once ready, the learner gets
 * the cluster's kubeconfig and the services to open: Grafana (80), Prometheus (9090), the metrics
 * app and the station monitor (8080 each).
 */
public final class PrometheusTutorial {

  private PrometheusTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("prometheus-tutorial")
        .title("Tutorial: Prometheus Monitoring on Kubernetes")
        .describe("Prometheus metrics collection tutorial with Grafana dashboards")
        .tag("tutorial", "observability", "metrics")
        .target(
            target("app")
                .on(gke().spot())
                .deploy(
                    KUBE_PROMETHEUS_STACK
                        .with(GRAFANA_ENABLED, true)
                        .with(PROMETHEUS_RETENTION, "24h"),
                    METRICS_APP,
                    STATION_MONITOR)
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("grafana", "app", "kube-prometheus-stack-grafana", 80)
                .service("prometheus", "app", "kube-prometheus-stack-prometheus", 9090)
                .service("metrics-app", "app", "metrics-app", 8080)
                .service("station-monitor", "app", "station-monitor", 8080))
        .workflow(workflow(Workflows.prometheusTutorial()))
        .completeOn(CompletionMode.MANUAL)
        // a tutorial is worked through by a person: give them an afternoon, then clean up
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(5)
        .build();
  }
}
