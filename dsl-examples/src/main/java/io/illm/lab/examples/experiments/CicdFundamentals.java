package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.HELLO_APP;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.TutorialWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import java.time.Duration;

/**
 * A CI/CD tutorial on the hub itself, no cloud cluster: a release (hello-app) delivered the GitOps
 * way, gated by a pipeline. It teaches the delivery half of CI/CD with what the lab runs: the
 * release is an ArgoCD Application pinned to a commit (deploy = a Git revision, rollback = the
 * previous one), and the gates are the WorkflowTemplate's steps on Argo Workflows (ready, smoke,
 * load, record), which the learner reads as the pipeline a GitHub Actions job would run after the
 * build. Supply chain by hand: the learner verifies the Cosign signature and reads the SBOM
 * attestation of the image hello-app runs (the original's build workflows signed every image
 * keyless and attested a Syft SBOM), then changes the revision and watches the gates again.
 *
 * <p>The original had only a README ("GitHub Actions + Cosign + SBOM"), no experiment: this is a
 * design, not a port. The catalogue has no registry, signer or admission policy component, so the
 * build, signing and verification steps are the learner's, not measured; what is measured is the
 * release under the pipeline's load: its footprint and that it never restarted. Series on the hub
 * carry the namespace, not the experiment label. Service to open: hello-app:80 (on the hub, so no
 * kubeconfig to export).
 */
public final class CicdFundamentals {

  private static final String RELEASE =
      "namespace=\"$NAMESPACE\",pod=~\"hello-app-.*\",container!=\"POD\",container!=\"\"";

  private CicdFundamentals() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("cicd-fundamentals")
        .title("Tutorial: CI/CD Fundamentals - GitOps Delivery, Pipeline Gates, Signed Images")
        .describe(
            "CI/CD tutorial on the hub - a GitOps release gated by a pipeline, its image's"
                + " Cosign signature and SBOM checked by hand")
        .tag("tutorial", "cicd", "supply-chain")
        .hypothesis(
            hypothesis(
                    "A release that passes the pipeline's gates serves 20 requests/s for five"
                        + " minutes inside 128 MiB without a single restart")
                .question("Which gate would stop a bad release, and at which step?")
                .question("What does a Git revision pin that an image tag does not?")
                .question("What does a keyless Cosign signature prove, and what does an SBOM list?")
                .focus("GitOps delivery")
                .focus("pipeline gates")
                .focus("supply chain")
                .criterion(
                    expect("release_peak_memory")
                        .below(128 * TutorialMetrics.MIB)
                        .describe("the release's memory envelope"))
                .criterion(expect("release_restarts").atMost(0).describe("no container restarted")))
        .target(target("app").on(hub()).deploy(HELLO_APP))
        .tutorial(tutorial().service("hello-app", "app", "hello-app", 80))
        .workflow(workflow(TutorialWorkflows.cicdFundamentals()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            metric("release_peak_memory")
                .promql(
                    "max_over_time(sum(container_memory_working_set_bytes{"
                        + RELEASE
                        + "})[$DURATION:1m])")
                .unit(Unit.BYTES)
                .group("release")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe("Peak working-set memory of the release"),
            metric("release_cpu")
                .promql("sum(rate(container_cpu_usage_seconds_total{" + RELEASE + "}[5m]))")
                .range()
                .unit(Unit.CORES)
                .group("release")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe("The release's CPU over the session"),
            restarts(),
            metric("release_peak_receive")
                .promql(
                    "max_over_time(sum(rate(container_network_receive_bytes_total{namespace="
                        + "\"$NAMESPACE\",pod=~\"hello-app-.*\"}[1m]))[$DURATION:1m])")
                .unit("bytes/s")
                .group("release")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe("Highest one-minute rate the release received bytes at"))
        .runningDeadline(Duration.ofHours(2))
        .totalDeadline(Duration.ofHours(3))
        .cleanupOnComplete(delete())
        .budget(1)
        .build();
  }

  /** Container restarts over the session; no kube-state-metrics series is missing, not 0. */
  private static MetricDef restarts() {
    return metric("release_restarts")
        .promql(
            "sum(increase(kube_pod_container_status_restarts_total{namespace=\"$NAMESPACE\","
                + "pod=~\"hello-app-.*\"}[$DURATION]))")
        .unit(Unit.COUNT)
        .group("release")
        .onEmpty(EmptyResult.INSUFFICIENT)
        .describe("Container restarts of the release");
  }
}
