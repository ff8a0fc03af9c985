package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.NAIVE_DB_STORAGE_BENCH;
import static io.illm.lab.examples.experiments.NaiveDb.BALANCED;
import static io.illm.lab.examples.experiments.NaiveDb.HDB;
import static io.illm.lab.examples.experiments.NaiveDb.HDD;
import static io.illm.lab.examples.experiments.NaiveDb.SSD;

import io.illm.lab.dsl.DbWriteLoad;
import io.illm.lab.dsl.GkeMachine;
import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.examples.workflows.DatabaseWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;
import java.util.List;

/**
 * Fsync and no-fsync naive-db on four GKE disk types, Hyperdisk Balanced included, on the
 * original's c3-standard-8 (Hyperdisk needs a newer machine series than E2), all eight written to
 * at once by one closed-loop client each for 40 minutes ({@link
 * DatabaseWorkflows#storageTiersLoad()}).
 *
 * <p>As in {@link DbDiskComparison}, each comparison of the claim is a ratio metric (group {@code
 * ratios}) judged over three repetition windows: Hyperdisk Balanced's fsync p99 below pd-ssd's,
 * pd-ssd's below pd-balanced's and pd-standard's, pd-ssd's fsync throughput above pd-standard's,
 * and no-fsync p99 write latency within a factor of 2 across the four disks. C3 machines attach
 * disks as NVMe, so the disk I/O metrics select {@code nvme0n2} and on, where the original's {@code
 * sd.*} selected nothing.
 */
public final class DbStorageTiers {

  /** The disks, slowest first. */
  static final List<NaiveDb.Disk> DISKS = List.of(HDD, BALANCED, SSD, HDB);

  private DbStorageTiers() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    DbWriteLoad load = DatabaseWorkflows.storageTiersLoad();
    return experiment("db-storage-tiers")
        .title("GKE Storage Tier Showdown: 4 Disk Types from HDD to Hyperdisk Balanced")
        .describe(
            "Comparison: fsync-per-write vs no-fsync across four GKE persistent disk types"
                + " (pd-standard, pd-balanced, pd-ssd, hyperdisk-balanced) on c3-standard-8 —"
                + " measures how disk tier interacts with durability guarantees under sustained"
                + " maximum-rate writes to every variant at once")
        .tag("comparison", "storage", "database", "baseline")
        .publish()
        .hypothesis(
            hypothesis(
                    "Hyperdisk Balanced delivers lower fsync latency than pd-ssd, which in turn"
                        + " beats pd-balanced and pd-standard. No-fsync writes remain uniformly"
                        + " fast across all disk types since they only hit the page cache.")
                .question("How does fsync write latency vary across four GKE disk types?")
                .question("Is no-fsync latency truly independent of underlying disk type?")
                .question(
                    "What is the sustained write throughput ceiling for each disk type under fsync?")
                .question("Do node-level disk IOPS correlate with application-level fsync latency?")
                .question("How does the fsync cost multiplier change across disk tiers?")
                .question(
                    "Where does Hyperdisk Balanced slot in relative to traditional"
                        + " pd-standard/balanced/ssd?")
                .focus("fsync latency distribution across 4 disk types")
                .focus("Hyperdisk Balanced vs traditional PD latency comparison")
                .focus("sustained throughput ceiling per disk type")
                .focus("disk IOPS correlation with application latency")
                .focus("page-cache independence from disk type")
                .focus("cost-performance tradeoff across 4 disk tiers")
                .criterion(
                    expect("ssd_over_hdb_fsync_p99")
                        .above(1)
                        .describe("Hyperdisk Balanced fsync faster than pd-ssd (p99)"),
                    expect("balanced_over_ssd_fsync_p99")
                        .above(1)
                        .describe("pd-ssd fsync faster than pd-balanced (p99)"),
                    expect("hdd_over_ssd_fsync_p99")
                        .above(1)
                        .describe("pd-ssd fsync faster than pd-standard (p99)"))
                .criterion(NaiveDb.tierCriteria()))
        .target(
            target("app")
                .on(gke(GkeMachine.C3_STANDARD_8).spot())
                .deploy(NAIVE_DB_STORAGE_BENCH, NaiveDb.prometheus())
                .observability(Transport.TAILSCALE))
        .workflow(workflow(DatabaseWorkflows.dbStorageTiers()))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(NaiveDb.diskBench(DISKS, " (8 series)").toArray(MetricDef[]::new))
        .metric(
            SSD.fsyncP99Over(HDB),
            BALANCED.fsyncP99Over(SSD),
            HDD.fsyncP99Over(SSD),
            SSD.fsyncThroughputOver(HDD))
        // three windows: an interval for every ratio the criteria judge
        .repetitions(3)
        .qualityGate(qualityGate().minDataCoverage(0.8))
        // the wait, the load and its Job, then the default provisioning, deploying and collecting
        .runningDeadline(DatabaseWorkflows.deadline(load).plus(Duration.ofMinutes(5)))
        .totalDeadline(Duration.ofMinutes(135))
        .cleanupOnComplete(delete())
        .cleanupOnFailure(retain(Duration.ofMinutes(30)))
        // about twice the estimate ($0.75, nodes only), for the disks the estimate leaves out
        .budget(1.5)
        .build();
  }
}
