package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.expect;
import static io.illm.lab.dsl.Lab.metric;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.SERVICE_MONITORS_FROM_RELEASE_ONLY;

import io.illm.lab.dsl.Criterion;
import io.illm.lab.dsl.Deployment;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;
import io.illm.lab.model.EmptyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What the storage benchmarks (db-fsync-vs-memory, db-disk-comparison, db-storage-tiers) share:
 * naive-db's metrics as queries, and the Prometheus that scrapes them on the target and sends them
 * to the hub.
 *
 * <p>naive-db's series (its histograms, {@code naivedb_operations_total}, {@code
 * naivedb_rows_total}) and node-exporter's disk series exist only in the target's Prometheus, which
 * scrapes naive-db's ServiceMonitors; the metrics agent ships container CPU and memory only. The
 * original queried the target's Prometheus; here every query goes to the hub, so that Prometheus
 * remote-writes those two families (and nothing else: the agent already ships the container series,
 * which would count twice) to the hub through the metrics egress. Every query selects the
 * experiment's namespace as the original did, {@code namespace=~"$EXPERIMENT"}: ArgoCD deploys
 * every component there, node-exporter included, and names it after the experiment.
 *
 * <p>naive-db's latency histograms end at 100 ms ({@link #HISTOGRAM_TOP}); a p99 beyond reads as
 * 100 ms, so a ratio built on it is a bound, not a measurement. naive-db creates an operation's
 * series at its first such operation.
 */
final class NaiveDb {

  /** The experiment's namespace, which is its name: the original's selector. */
  static final String NAMESPACE = "namespace=~\"$EXPERIMENT\"";

  /** naive-db's highest finite histogram bucket, in seconds. */
  static final double HISTOGRAM_TOP = 0.1;

  /**
   * What every disk-tier comparison holds besides its own ordering of the tiers: pd-ssd sustains
   * more fsync writes than pd-standard, no-fsync latency does not depend on the disk, and the
   * slowest tier's p99 stays inside the histogram (beyond it every ratio on it is only a bound).
   */
  static Criterion[] tierCriteria() {
    return new Criterion[] {
      expect("ssd_over_hdd_fsync_throughput")
          .above(1)
          .describe("pd-ssd sustains more fsync writes per second than pd-standard"),
      expect("nosync_write_p99_spread")
          .atMost(2)
          .describe("no-fsync p99 write latency the same on every disk, within 2x"),
      expect("hdd_fsync_p99")
          .below(HISTOGRAM_TOP)
          .describe(
              "inside naive-db's histogram (top bucket 100 ms): above, the HDD p99"
                  + " and the ratios on it are bounds, not measurements")
    };
  }

  /**
   * The nodes' data disks, as node-exporter names them: SCSI on e2 machines (sda is the boot disk),
   * NVMe on c3 machines (nvme0n1 is), where the original's {@code sd.*} matched nothing.
   */
  static final String DATA_DISKS = "sd[b-z]|nvme0n([2-9]|[1-9][0-9])";

  /** The hub's remote-write endpoint, as the metrics egress names it on the target. */
  static final String HUB_WRITE = "http://vm-hub.observability.svc:8428/api/v1/write";

  private static final String WRITE = "prometheus.prometheusSpec.remoteWrite[0].";

  /** pd-standard. */
  static final Disk HDD = new Disk("hdd", "hdd", "HDD");

  /** pd-balanced. */
  static final Disk BALANCED = new Disk("balanced", "balanced", "Balanced");

  /** pd-ssd. */
  static final Disk SSD = new Disk("ssd", "ssd", "SSD");

  /** hyperdisk-balanced. */
  static final Disk HDB = new Disk("hdb", "hyperdisk-balanced", "Hyperdisk Balanced");

  private NaiveDb() {}

  /**
   * kube-prometheus-stack discovering every ServiceMonitor (the original's one parameter) and
   * sending naive-db's and node-exporter's disk series to the hub.
   */
  static Deployment prometheus() {
    return KUBE_PROMETHEUS_STACK
        .with(SERVICE_MONITORS_FROM_RELEASE_ONLY, false)
        .with(WRITE + "url", HUB_WRITE)
        .with(WRITE + "writeRelabelConfigs[0].sourceLabels[0]", "__name__")
        .with(WRITE + "writeRelabelConfigs[0].regex", "naivedb_.*|node_disk_.*")
        .with(WRITE + "writeRelabelConfigs[0].action", "keep");
  }

  /** One variant's p99 of a naive-db histogram over the window. */
  static String p99(String histogram, String app) {
    return quantile("0.99", histogram, app);
  }

  /** One variant's quantile of a naive-db histogram ({@code write}, {@code fsync}...). */
  static String quantile(String q, String histogram, String app) {
    return "histogram_quantile("
        + q
        + ", sum(rate(naivedb_"
        + histogram
        + "_duration_seconds_bucket{app=\""
        + app
        + "\", "
        + NAMESPACE
        + "}[$DURATION])) by (le))";
  }

  /** One variant's operations of a kind per second over the window. */
  static String rate(String op, String app) {
    return "sum(rate(naivedb_operations_total{op=\""
        + op
        + "\", app=\""
        + app
        + "\", "
        + NAMESPACE
        + "}[$DURATION]))";
  }

  /** A latency (instant, seconds). */
  static MetricDef latency(String name, String query, String group, String description) {
    return metric(name)
        .promql(query)
        .instant()
        .unit(Unit.SECONDS)
        .group(group)
        .describe(description);
  }

  /** A rate of operations (instant, ops/s). */
  static MetricDef throughput(String name, String query, String group, String description) {
    return metric(name)
        .promql(query)
        .instant()
        .unit(Unit.OPERATIONS_PER_SECOND)
        .group(group)
        .describe(description);
  }

  /** Reads per second: no series is no read served, so 0. */
  static MetricDef reads(String name, String query, String group, String description) {
    return throughput(name, query, group, description).onEmpty(EmptyResult.ZERO);
  }

  /** One measurement over another, in the group {@code ratios}. */
  static MetricDef ratio(String name, String numerator, String denominator, String description) {
    return metric(name)
        .promql("(" + numerator + ") / (" + denominator + ")")
        .instant()
        .unit(Unit.RATIO)
        .group("ratios")
        .describe(description);
  }

  /** The rows a variant holds at the end of the window. */
  static MetricDef rows(String name, String app, String description) {
    return metric(name)
        .promql("naivedb_rows_total{app=\"" + app + "\", " + NAMESPACE + "}")
        .instant()
        .unit(Unit.COUNT)
        .group("totals")
        .describe(description);
  }

  /** p99 write and fsync latency, write and read throughput, over time by variant. */
  static List<MetricDef> overTime(String variants) {
    String by = "{" + NAMESPACE + "}[1m])) by (le, app))";
    return List.of(
        metric("write_latency_over_time")
            .promql("histogram_quantile(0.99, sum(rate(naivedb_write_duration_seconds_bucket" + by)
            .range()
            .unit(Unit.SECONDS)
            .group("timeseries")
            .describe("P99 write latency over time by variant" + variants),
        metric("fsync_latency_over_time")
            .promql("histogram_quantile(0.99, sum(rate(naivedb_fsync_duration_seconds_bucket" + by)
            .range()
            .unit(Unit.SECONDS)
            .group("timeseries")
            .describe(
                variants.isEmpty()
                    ? "P99 fsync latency over time by variant"
                    : "P99 fsync-only latency over time by variant"),
        metric("write_throughput_over_time")
            .promql(
                "sum(rate(naivedb_operations_total{op=\"write\", " + NAMESPACE + "}[1m])) by (app)")
            .range()
            .unit(Unit.OPERATIONS_PER_SECOND)
            .group("timeseries")
            .describe("Write throughput over time by variant" + variants),
        metric("read_throughput_over_time")
            .promql(
                "sum(rate(naivedb_operations_total{op=\"read\", " + NAMESPACE + "}[1m])) by (app)")
            .range()
            .unit(Unit.OPERATIONS_PER_SECOND)
            .group("timeseries")
            .onEmpty(EmptyResult.ZERO)
            .describe("Read throughput over time by variant"));
  }

  /**
   * Node-level disk write IOPS and utilisation of the data disks. The device names depend on the
   * machine family: empty is insufficient, not zero.
   */
  static List<MetricDef> diskIo() {
    String disks = "{" + NAMESPACE + ", device=~\"" + DATA_DISKS + "\"}[1m])";
    return List.of(
        metric("disk_write_iops")
            .promql("sum(rate(node_disk_writes_completed_total" + disks + ")")
            .range()
            .unit(Unit.OPERATIONS_PER_SECOND)
            .group("disk_io")
            .onEmpty(EmptyResult.INSUFFICIENT)
            .describe("Node-level disk write IOPS (all data disks)"),
        // the original's rate is seconds of I/O per second, a fraction it labelled %
        metric("disk_io_utilization")
            .promql("100 * rate(node_disk_io_time_seconds_total" + disks)
            .range()
            .unit(Unit.PERCENT)
            .group("disk_io")
            .onEmpty(EmptyResult.INSUFFICIENT)
            .describe("Disk I/O utilization (time spent doing I/O per second)"));
  }

  /** The experiment's containers' CPU and memory (the metrics agent's, which has no POD). */
  static List<MetricDef> cluster() {
    String containers = "{" + NAMESPACE + ", container!=\"\"}";
    return List.of(
        metric("cluster_cpu")
            .promql("sum(rate(container_cpu_usage_seconds_total" + containers + "[1m]))")
            .range()
            .unit(Unit.CORES)
            .group("cluster")
            .describe("Total workload CPU usage"),
        metric("cluster_memory")
            .promql("sum(container_memory_working_set_bytes" + containers + ")")
            .range()
            .unit(Unit.BYTES)
            .group("cluster")
            .describe("Total workload memory usage"));
  }

  /**
   * A disk of the disk benches: naive-db-fsync-{disk} and naive-db-nosync-{disk}.
   *
   * @param prefix the metrics' prefix and group (hdd, balanced, ssd, hdb)
   * @param disk the variants' suffix
   * @param label the descriptions' name for it
   */
  record Disk(String prefix, String disk, String label) {

    String fsync() {
      return "naive-db-fsync-" + disk;
    }

    String nosync() {
      return "naive-db-nosync-" + disk;
    }

    /** The original's five: fsync write p99, throughput and fsync-only p99; nosync's two. */
    List<MetricDef> metrics() {
      return List.of(
          latency(
              prefix + "_fsync_write_p99",
              p99("write", fsync()),
              prefix,
              label + " fsync: P99 write latency"),
          throughput(
              prefix + "_fsync_throughput",
              rate("write", fsync()),
              prefix,
              label + " fsync: sustained write ops/sec"),
          latency(
              prefix + "_fsync_p99",
              p99("fsync", fsync()),
              prefix,
              label + " fsync: P99 fsync-only latency"),
          latency(
              prefix + "_nosync_write_p99",
              p99("write", nosync()),
              prefix,
              label + " nosync: P99 write latency"),
          throughput(
              prefix + "_nosync_throughput",
              rate("write", nosync()),
              prefix,
              label + " nosync: sustained write ops/sec"));
    }

    /** Rows each variant holds. */
    List<MetricDef> totals() {
      return List.of(
          rows(prefix + "_fsync_total_rows", fsync(), label + " fsync: total rows written"),
          rows(prefix + "_nosync_total_rows", nosync(), label + " nosync: total rows written"));
    }

    /** What an fsync costs on this disk: fsync p99 write latency over nosync's. */
    MetricDef fsyncCost() {
      return ratio(
          prefix + "_fsync_cost",
          p99("write", fsync()),
          p99("write", nosync()),
          label + ": fsync cost multiplier (P99 write latency, fsync / nosync)");
    }

    /** This disk's fsync-only p99 over {@code faster}'s. */
    MetricDef fsyncP99Over(Disk faster) {
      return ratio(
          prefix + "_over_" + faster.prefix + "_fsync_p99",
          p99("fsync", fsync()),
          p99("fsync", faster.fsync()),
          label + " over " + faster.label + ": P99 fsync-only latency");
    }

    /** This disk's fsync write throughput over {@code slower}'s. */
    MetricDef fsyncThroughputOver(Disk slower) {
      return ratio(
          prefix + "_over_" + slower.prefix + "_fsync_throughput",
          rate("write", fsync()),
          rate("write", slower.fsync()),
          label + " over " + slower.label + ": sustained fsync write ops/sec");
    }
  }

  /**
   * Every disk's metrics in the original's order (each disk's five, the time series, disk I/O,
   * totals, cluster), then the ratios: each disk's fsync cost and the nosync spread.
   */
  static List<MetricDef> diskBench(List<Disk> disks, String variants) {
    List<MetricDef> metrics = new ArrayList<>();
    disks.forEach(d -> metrics.addAll(d.metrics()));
    metrics.addAll(overTime(variants));
    metrics.addAll(diskIo());
    disks.forEach(d -> metrics.addAll(d.totals()));
    metrics.addAll(cluster());
    disks.forEach(d -> metrics.add(d.fsyncCost()));
    metrics.add(nosyncSpread());
    return metrics;
  }

  /** The slowest over the fastest no-fsync p99 write latency across the disks. */
  static MetricDef nosyncSpread() {
    String each =
        "histogram_quantile(0.99, sum(rate(naivedb_write_duration_seconds_bucket{app=~\""
            + "naive-db-nosync-.*\", "
            + NAMESPACE
            + "}[$DURATION])) by (le, app))";
    return metric("nosync_write_p99_spread")
        .promql("max(" + each + ") / min(" + each + ")")
        .instant()
        .unit(Unit.RATIO)
        .group("ratios")
        .describe("NoSync: slowest over fastest P99 write latency across disk types");
  }
}
