package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.METRICS_APP;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_RETENTION;
import static io.illm.lab.examples.components.Observability.PYRRA;
import static io.illm.lab.examples.components.Observability.PYRRA_PROMETHEUS_URL;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakMemory;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakRate;
import static io.illm.lab.examples.experiments.TutorialMetrics.series;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.TutorialWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on SLO tutorial: Prometheus, Pyrra and metrics-app. The learner writes a 99 %
 * availability SLO for metrics-app as a ServiceLevelObjective, Pyrra turns it into recording rules
 * and multi-window burn-rate alerts ({@code ErrorBudgetBurn}), and the workflow injects errors
 * (every request on a path the app does not serve) until the fast-burn alert fires. The queries
 * read metrics-app's {@code http_requests_total} by its {@code code} label, the convention of Go's
 * Prometheus handler, and the alert from the {@code ALERTS} series. Services to open (the
 * original's tutorial block): grafana, kube-prometheus-stack-grafana; prometheus,
 * kube-prometheus-stack-prometheus:9090; pyrra, pyrra:9099; metrics-app, metrics-app:8080.
 */
public final class SloTutorial {

  private static final String APP_PODS = "metrics-app-.*";

  private SloTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("slo-tutorial")
        .title("Tutorial: SLO-Based Alerting with Prometheus")
        .describe("SLO tutorial - Pyrra SLO management, error budgets, multi-burn-rate alerting")
        .tag("tutorial", "observability", "slo")
        .hypothesis(
            hypothesis(
                    "Injected errors push metrics-app's error ratio past 14.4 times the 1 %"
                        + " budget of a 99 % SLO, and Pyrra's burn-rate alert fires while they"
                        + " last")
                .question("What is an error budget, and how fast does each burn rate spend it?")
                .question("Why does a multi-window alert both fire fast and stop fast?")
                .question("Which recording rules does Pyrra write for one SLO?")
                .focus("error budgets")
                .focus("multi-burn-rate alerting")
                .criterion(
                    expect("app_peak_error_ratio")
                        .atLeast(14.4)
                        .describe("the fast-burn threshold of a 99 % SLO: 14.4 x 1 %"))
                .criterion(
                    expect("burn_rate_alert_firing")
                        .atLeast(1)
                        .describe("an ErrorBudgetBurn alert fired during the session")))
        .target(
            target("app")
                .on(gke().spot())
                .deploy(
                    KUBE_PROMETHEUS_STACK
                        .with(GRAFANA_ENABLED, true)
                        .with(PROMETHEUS_RETENTION, "24h"),
                    PYRRA.with(
                        PYRRA_PROMETHEUS_URL, "http://prometheus-operated.slo-tutorial.svc:9090"),
                    METRICS_APP)
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("grafana", "app", "kube-prometheus-stack-grafana", 80)
                .service("prometheus", "app", "kube-prometheus-stack-prometheus", 9090)
                .service("pyrra", "app", "pyrra", 9099)
                .service("metrics-app", "app", "metrics-app", 8080))
        .workflow(workflow(TutorialWorkflows.sloTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            metric("app_peak_error_ratio")
                .promql(
                    "max_over_time((100 * sum(rate(http_requests_total{"
                        + series(APP_PODS)
                        + ",code!~\"2..\"}[5m])) / sum(rate(http_requests_total{"
                        + series(APP_PODS)
                        + "}[5m])))[$DURATION:1m])")
                .unit(Unit.PERCENT)
                .group("slo")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe("Highest five-minute share of metrics-app's answers that were not 2xx"),
            metric("burn_rate_alert_firing")
                .promql(
                    "max_over_time(sum(ALERTS{experiment=\"$EXPERIMENT\","
                        + "alertname=\"ErrorBudgetBurn\",alertstate=\"firing\"})[$DURATION:1m])")
                .unit(Unit.COUNT)
                .group("slo")
                .onEmpty(EmptyResult.ZERO)
                .describe("Most ErrorBudgetBurn alerts firing at once (none fired: 0)"),
            peakRate(
                "app_peak_request_rate",
                "http_requests_total{" + series(APP_PODS) + "}",
                Unit.REQUESTS_PER_SECOND.value(),
                "Highest one-minute request rate metrics-app answered"),
            peakMemory(
                "prometheus_peak_memory",
                "prometheus-kube-prometheus-stack-.*",
                "Peak memory of Prometheus with Pyrra's rules"),
            peakMemory("pyrra_peak_memory", "pyrra-.*", "Peak memory of Pyrra"))
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(2)
        .build();
  }
}
