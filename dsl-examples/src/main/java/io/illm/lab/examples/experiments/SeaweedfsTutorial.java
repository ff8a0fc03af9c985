package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Observability.ALERTMANAGER_ENABLED;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_ENABLED;
import static io.illm.lab.examples.components.Observability.SEAWEEDFS;
import static io.illm.lab.examples.experiments.TutorialMetrics.MIB;
import static io.illm.lab.examples.experiments.TutorialMetrics.cpu;
import static io.illm.lab.examples.experiments.TutorialMetrics.increase;
import static io.illm.lab.examples.experiments.TutorialMetrics.own;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakMemory;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakRate;
import static io.illm.lab.examples.experiments.TutorialMetrics.series;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.TutorialWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on SeaweedFS tutorial: one master, one volume server, one filer and the S3 gateway, with
 * Prometheus and Grafana to watch them. The learner writes objects through the S3 API and many
 * small files through the filer, and sees why packing them into volumes answers the lots-of-small-
 * files problem. The workflow reads the filer at 50 requests/s. SeaweedFS's own request counters
 * are exported only when the chart's monitoring is switched on, which the original did not do:
 * {@code filer_peak_request_rate} and {@code volume_server_requests} stay empty until the learner
 * does; the criteria rest on the containers' metrics, of every SeaweedFS server together. Services
 * to open (the original's tutorial block): seaweedfs-s3, seaweedfs-s3:8333; seaweedfs-filer,
 * seaweedfs-filer:8888; grafana, kube-prometheus-stack-grafana.
 */
public final class SeaweedfsTutorial {

  private static final String SEAWEEDFS_PODS = "seaweedfs-.*";

  private SeaweedfsTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("seaweedfs-tutorial")
        .title("Tutorial: SeaweedFS Object Storage on Kubernetes")
        .describe("SeaweedFS object storage tutorial - S3 API, volume packing, LOSF problem")
        .tag("tutorial", "storage")
        .hypothesis(
            hypothesis(
                    "A one-of-each SeaweedFS answers the filer's 50 reads/s and the learner's S3"
                        + " writes in under 1 GiB of memory for all its servers together")
                .question("What do the master, the volume servers and the filer each keep?")
                .question("Why do many small files cost a volume server less than a filesystem?")
                .question("What does the S3 gateway add on top of the filer?")
                .focus("object storage architecture")
                .focus("small files")
                .criterion(
                    expect("seaweedfs_peak_memory")
                        .below(1024 * MIB)
                        .describe("every SeaweedFS server together"))
                .criterion(
                    expect("seaweedfs_peak_transmit")
                        .above(0)
                        .describe("SeaweedFS answered the workflow's reads")))
        .target(
            target("app")
                .on(gke().spot())
                .deploy(
                    SEAWEEDFS,
                    KUBE_PROMETHEUS_STACK
                        .with(PROMETHEUS_ENABLED, true)
                        .with(GRAFANA_ENABLED, true)
                        .with(ALERTMANAGER_ENABLED, false))
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("seaweedfs-s3", "app", "seaweedfs-s3", 8333)
                .service("seaweedfs-filer", "app", "seaweedfs-filer", 8888)
                .service("grafana", "app", "kube-prometheus-stack-grafana", 80))
        .workflow(workflow(TutorialWorkflows.seaweedfsTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            peakMemory("seaweedfs_peak_memory", SEAWEEDFS_PODS, "Peak memory of SeaweedFS"),
            cpu("seaweedfs_cpu", SEAWEEDFS_PODS, "SeaweedFS CPU over the session"),
            peakRate(
                "seaweedfs_peak_transmit",
                "container_network_transmit_bytes_total{" + series(SEAWEEDFS_PODS) + "}",
                "bytes/s",
                "Highest one-minute rate SeaweedFS sent bytes at (pod network)"),
            peakRate(
                "filer_peak_request_rate",
                own("SeaweedFS_filer_request_total"),
                Unit.REQUESTS_PER_SECOND.value(),
                "Highest one-minute request rate the filer counted (needs its monitoring on)"),
            increase(
                "volume_server_requests",
                own("SeaweedFS_volumeServer_request_total"),
                Unit.COUNT,
                "Requests the volume servers answered (needs their monitoring on)"))
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(2)
        .build();
  }
}
