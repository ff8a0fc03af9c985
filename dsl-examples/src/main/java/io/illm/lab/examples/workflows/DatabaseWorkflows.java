package io.illm.lab.examples.workflows;

import static io.illm.lab.dsl.Lab.workflowTemplate;

import io.illm.lab.dsl.DbWriteLoad;
import io.illm.lab.dsl.LabSteps;
import io.illm.lab.dsl.LabWorkflowTemplate;
import io.illm.lab.dsl.WorkflowTemplateDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The WorkflowTemplates of the storage benchmarks (db-fsync-vs-memory, db-disk-comparison,
 * db-storage-tiers): wait for every naive-db StatefulSet to roll out (each on its own persistent
 * disk), check one answers, then write to every variant at once with a {@link DbWriteLoad} for the
 * original's observation window, and record what the databases served.
 *
 * <p>Why a typed load and not the original's loadgen components: those are Jobs in Git manifests
 * without parameters that ArgoCD starts at deployment, before the workflow (and so before the
 * measurement window, which is the workflow's), and that visit the variants one after the other (60
 * s of writes each). Cut into repetition windows, such a run compares HDD in one window with SSD in
 * another. Here every variant is written to for the whole window at once, by one closed-loop client
 * each (the original's single sequential client, without its curl process per request, which added
 * its own milliseconds to every request), so each window holds every variant under the same load
 * and the rate is each database's own. The loadgen components stay in the catalogue, deployed by no
 * experiment.
 *
 * <p>The variants share one node: their disks are separate, the node's CPU and its per-VM disk
 * limits are not. One writer per variant keeps far below both (an fsync-bound writer does a few
 * hundred writes a second; a no-fsync one is bound by the round trip and its 500m CPU limit).
 */
public final class DatabaseWorkflows {

  /**
   * What a template needs beyond the wait and the load: the smoke request, the Job's start and end,
   * the counters read before and after, the record.
   */
  static final Duration SLACK = Duration.ofMinutes(10);

  /** The disk-type variants of naive-db-disk-bench: fsync and no-fsync on each disk. */
  public static final List<String> DISK_BENCH = variants("hdd", "balanced", "ssd");

  /** The variants of naive-db-storage-bench: DISK_BENCH and Hyperdisk Balanced. */
  public static final List<String> STORAGE_BENCH =
      variants("hdd", "balanced", "ssd", "hyperdisk-balanced");

  private DatabaseWorkflows() {}

  /**
   * db-fsync-vs-memory: naive-db-fsync and naive-db-nosync on PD-SSD, 25 minutes (the original's
   * 1,500 s) of single writes with 20% point reads and 10% batch writes of 100 rows (the original's
   * phases, mixed so every window holds each).
   */
  public static DbWriteLoad fsyncVsMemoryLoad() {
    return DbWriteLoad.k6(Workflows.TARGET, "naive-db-fsync", "naive-db-nosync")
        .reads(20)
        .batches(10, 100)
        .duration(Duration.ofSeconds(1500));
  }

  /** db-disk-comparison: the six variants, 25 minutes of writes with 10% point reads. */
  public static DbWriteLoad diskComparisonLoad() {
    return DbWriteLoad.k6(Workflows.TARGET, DISK_BENCH.toArray(String[]::new))
        .reads(10)
        .duration(Duration.ofSeconds(1500));
  }

  /** db-storage-tiers: the eight variants, 40 minutes (the original's 2,400 s), 10% reads. */
  public static DbWriteLoad storageTiersLoad() {
    return DbWriteLoad.k6(Workflows.TARGET, STORAGE_BENCH.toArray(String[]::new))
        .reads(10)
        .duration(Duration.ofSeconds(2400));
  }

  /** The longest a template of {@code load} may run: the wait, the load, {@link #SLACK}. */
  public static Duration deadline(DbWriteLoad load) {
    return Workflows.READY.plus(load.duration()).plus(SLACK);
  }

  /** db-fsync-vs-memory's template. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef dbFsyncVsMemory() {
    return template(
        "db-fsync-vs-memory-validation",
        "db-fsync-vs-memory: both databases rolled out, then 25 minutes of closed-loop writes,"
            + " reads and batch writes on each",
        "naive-db-fsync",
        fsyncVsMemoryLoad());
  }

  /** db-disk-comparison's template. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef dbDiskComparison() {
    return template(
        "db-disk-comparison-validation",
        "db-disk-comparison: six variants rolled out, then 25 minutes of closed-loop writes on"
            + " each at once",
        "naive-db-fsync-hdd",
        diskComparisonLoad());
  }

  /** db-storage-tiers' template. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef dbStorageTiers() {
    return template(
        "db-storage-tiers-validation",
        "db-storage-tiers: eight variants rolled out, then 40 minutes of closed-loop writes on"
            + " each at once",
        "naive-db-fsync-hyperdisk-balanced",
        storageTiersLoad());
  }

  /** The standard shape, the smoke asking {@code service} for /ready, deadline from the load. */
  private static WorkflowTemplateDef template(
      String name, String description, String service, DbWriteLoad load) {
    return Workflows.standard(
            workflowTemplate(name).describe(description),
            LabSteps.smoke("smoke", Workflows.TARGET, service, load.port(), "/ready"),
            load.step(),
            load.durationParam())
        .deadline(deadline(load));
  }

  /** naive-db-{fsync,nosync}-{disk} for each disk, fsync first, as the benches name them. */
  private static List<String> variants(String... disks) {
    List<String> services = new ArrayList<>();
    for (String disk : disks) {
      services.add("naive-db-fsync-" + disk);
      services.add("naive-db-nosync-" + disk);
    }
    return List.copyOf(services);
  }
}
