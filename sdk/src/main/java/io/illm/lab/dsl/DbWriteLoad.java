package io.illm.lab.dsl;

import java.time.Duration;
import java.util.List;

/**
 * A write benchmark on databases speaking naive-db's HTTP API ({@code POST /write {"value": n}},
 * {@code POST /batch-write {"values": [...]}}, {@code GET /read/<row>}): k6 from a Job on the
 * target, {@code writers} clients per database Service, all databases at once for the whole
 * duration. Each client sends its next operation as soon as the last is answered, with no pause: a
 * closed loop, so the database's own speed (an fsync per write, or none) sets the rate, and nothing
 * queues beyond the clients. An operation is a point read of a row the client wrote, a batch write,
 * or else a single write, in the shares {@link #reads(int)} and {@link #batches(int, int)} set.
 * Immutable; {@link #step()} makes the step.
 *
 * <p>The step reads each database's own operation counters ({@code naivedb_operations_total},
 * through the target's API server) before and after, so its outputs are what the databases served,
 * not what the client believes it sent: the writes, reads and batch writes, writes per second, and
 * the slowest database with its writes per second. A database that served no write fails the step
 * (down, restarted, or unreachable). k6 runs without its end-of-test summary, whose latency trends
 * keep every sample in memory, which a long closed-loop run would exhaust.
 *
 * @param target where the client runs
 * @param services the databases' Services in the experiment's namespace
 * @param port their port
 * @param writers clients per database
 * @param readPercent share of operations that are point reads, in per cent
 * @param batchPercent share of operations that are batch writes, in per cent
 * @param batchSize rows per batch write
 * @param duration how long
 */
public record DbWriteLoad(
    String target,
    List<String> services,
    int port,
    int writers,
    int readPercent,
    int batchPercent,
    int batchSize,
    Duration duration) {

  /** The workflow parameter that sets the duration in seconds; its default is {@link #duration}. */
  public static final String DURATION_PARAM = "writes-seconds";

  public DbWriteLoad {
    services = List.copyOf(services);
    if (services.isEmpty()) {
      throw new IllegalArgumentException("no database Service to write to");
    }
    if (writers < 1) {
      throw new IllegalArgumentException("writers must be at least 1, not " + writers);
    }
    if (readPercent < 0 || batchPercent < 0 || readPercent + batchPercent > 100) {
      throw new IllegalArgumentException(
          "reads ("
              + readPercent
              + "%) and batch writes ("
              + batchPercent
              + "%) must be shares from 0 to 100 that add up to at most 100");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("a batch has at least 1 row, not " + batchSize);
    }
    if (duration.toSeconds() < 1) {
      throw new IllegalArgumentException("the load lasts at least 1 s, not " + duration);
    }
  }

  /**
   * One closed-loop writer per Service on port 80, only single writes, for 10 minutes; batches of
   * 100 rows when {@link #batches(int, int)} asks for some.
   */
  public static DbWriteLoad k6(String target, String... services) {
    return new DbWriteLoad(target, List.of(services), 80, 1, 0, 0, 100, Duration.ofMinutes(10));
  }

  /** The Services' port. Default: 80. */
  public DbWriteLoad port(int value) {
    return new DbWriteLoad(
        target, services, value, writers, readPercent, batchPercent, batchSize, duration);
  }

  /**
   * Clients per database, each waiting for its answer before the next operation. Default: 1, which
   * measures each operation's own cost; more show how the database serialises writes.
   */
  public DbWriteLoad writers(int value) {
    return new DbWriteLoad(
        target, services, port, value, readPercent, batchPercent, batchSize, duration);
  }

  /** The share of operations that read one row the client wrote, in per cent. Default: 0. */
  public DbWriteLoad reads(int percent) {
    return new DbWriteLoad(
        target, services, port, writers, percent, batchPercent, batchSize, duration);
  }

  /**
   * The share of operations that write {@code rows} rows in one request (one fsync for all of
   * them), in per cent. Default: none.
   */
  public DbWriteLoad batches(int percent, int rows) {
    return new DbWriteLoad(target, services, port, writers, readPercent, percent, rows, duration);
  }

  /** How long, in whole seconds. Default: 10 minutes. */
  public DbWriteLoad duration(Duration value) {
    return new DbWriteLoad(
        target, services, port, writers, readPercent, batchPercent, batchSize, value);
  }

  /** The share of operations that are single writes, in per cent. */
  public int writePercent() {
    return 100 - readPercent - batchPercent;
  }

  /** The template parameter that sets the duration; add it to the template with the step. */
  public WorkflowParam durationParam() {
    return new WorkflowParam(
        DURATION_PARAM, Long.toString(duration.toSeconds()), "seconds of database writes");
  }

  /** The step named {@code writes}. */
  public StepDef step() {
    ScriptDef script =
        LabSteps.kubectl("dbwrite.sh")
            .input("duration-seconds")
            .env("K6_IMAGE", LabSteps.K6_IMAGE)
            .env("SERVICES", String.join(" ", services))
            .env("PORT", Integer.toString(port))
            .env("WRITERS", Integer.toString(writers))
            .env("READ_PERCENT", Integer.toString(readPercent))
            .env("BATCH_PERCENT", Integer.toString(batchPercent))
            .env("BATCH_SIZE", Integer.toString(batchSize))
            .output("writes", "single writes the databases served")
            .output("reads", "point reads the databases served")
            .output("batch-writes", "batch writes the databases served")
            .output("writes-per-second", "single writes per second, all databases together")
            .output("slowest", "the database that served the fewest writes: service:writes/s")
            .output("writers", "clients per database")
            .output("duration-seconds", "seconds of writes");
    return LabSteps.onTarget("writes", target, script).with("duration-seconds", durationParam());
  }
}
