package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.HELLO_APP;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.Unit;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * The smoke test: one small spot cluster, one app, the validation workflow. Kept to one target and
 * one component so that it also runs on the local embedded hub.
 */
public final class HelloApp {

  private static final String HELLO_PODS =
      "experiment=\"$EXPERIMENT\",pod=~\"hello-app-.*\",container!=\"POD\",container!=\"\"";

  private HelloApp() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("hello-app")
        .title("Hello World: GKE Cluster Smoke Test")
        .describe("Simple hello world app with k6 load generation")
        .tag("demo")
        .target(target("app").on(gke().spot()).deploy(HELLO_APP).observability(Transport.TAILSCALE))
        .workflow(workflow("hello-app-validation"))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(
            metric("hello_app_peak_memory")
                .promql(
                    "max_over_time(sum(container_memory_working_set_bytes{"
                        + HELLO_PODS
                        + "})[$DURATION:1m])")
                .unit(Unit.BYTES)
                .describe("Peak working-set memory of hello-app"))
        .metric(
            metric("hello_app_cpu")
                .promql("sum(rate(container_cpu_usage_seconds_total{" + HELLO_PODS + "}[5m]))")
                .range()
                .unit(Unit.CORES)
                .describe("hello-app CPU over the run"))
        .repetitions(3) // three equal windows: a mean with a confidence interval, not one number
        .hypothesis(
            hypothesis("A fresh spot cluster serves hello-app within a 128 MiB envelope")
                .criterion(expect("hello_app_peak_memory").below(128 * 1024 * 1024)))
        .totalDeadline(Duration.ofHours(1))
        .cleanupOnFailure(retain(Duration.ofMinutes(30)))
        .budget(2)
        .build();
  }
}
