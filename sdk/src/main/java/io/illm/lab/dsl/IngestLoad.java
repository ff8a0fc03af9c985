package io.illm.lab.dsl;

import java.time.Duration;
import java.util.List;

/**
 * Metrics ingest: avalanche remote-writing {@code metrics x seriesPerMetric} series, one sample
 * each per {@code interval}, to every sink at once, from Jobs on the target. Immutable; {@link
 * #step()} makes the step, whose outputs are the series, the samples per second and the duration.
 *
 * @param target where the generators run
 * @param sinks remote-write URLs (in-cluster), one generator each
 * @param metrics metric names
 * @param seriesPerMetric series per metric name (the cardinality)
 * @param interval how often each series gets a sample (whole seconds)
 * @param duration how long
 */
public record IngestLoad(
    String target,
    List<String> sinks,
    int metrics,
    int seriesPerMetric,
    Duration interval,
    Duration duration) {

  /** The workflow parameter that sets the ingest's duration in seconds. */
  public static final String DURATION_PARAM = "ingest-seconds";

  public IngestLoad {
    sinks = List.copyOf(sinks);
  }

  /** 10 metrics x 100 series, a sample every 15 s, for 30 minutes, into each sink. */
  public static IngestLoad avalanche(String target, String... sinks) {
    return new IngestLoad(
        target, List.of(sinks), 10, 100, Duration.ofSeconds(15), Duration.ofMinutes(30));
  }

  /** The series: metric names times series each. Default: 10 x 100. */
  public IngestLoad series(int metricNames, int seriesEach) {
    return new IngestLoad(target, sinks, metricNames, seriesEach, interval, duration);
  }

  /** How often each series gets a sample. Default: 15 s. */
  public IngestLoad every(Duration value) {
    return new IngestLoad(target, sinks, metrics, seriesPerMetric, value, duration);
  }

  /** How long. Default: 30 minutes. */
  public IngestLoad duration(Duration value) {
    return new IngestLoad(target, sinks, metrics, seriesPerMetric, interval, value);
  }

  /** Samples per second this load writes into each sink. */
  public double samplesPerSecond() {
    return (double) metrics * seriesPerMetric / interval.toSeconds();
  }

  /** The template parameter that sets the duration. */
  public WorkflowParam durationParam() {
    return new WorkflowParam(
        DURATION_PARAM, Long.toString(duration.toSeconds()), "seconds of metrics ingest");
  }

  /** The step named {@code ingest}. */
  public StepDef step() {
    ScriptDef script =
        LabSteps.kubectl("ingest.sh")
            .input("duration-seconds")
            .env("AVALANCHE_IMAGE", LabSteps.AVALANCHE_IMAGE)
            .env("SINKS", String.join(" ", sinks))
            .env("METRICS", Integer.toString(metrics))
            .env("SERIES", Integer.toString(seriesPerMetric))
            .env("INTERVAL_SECONDS", Long.toString(interval.toSeconds()))
            .output("series", "series written into each sink")
            .output("samples-per-second", "samples per second into each sink")
            .output("sinks", "sinks written")
            .output("duration-seconds", "seconds of ingest");
    return LabSteps.onTarget("ingest", target, script).with("duration-seconds", durationParam());
  }
}
