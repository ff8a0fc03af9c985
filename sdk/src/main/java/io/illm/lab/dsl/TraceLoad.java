package io.illm.lab.dsl;

import java.time.Duration;
import java.util.List;

/**
 * Traces: OpenTelemetry's telemetrygen sending spans over OTLP/gRPC to every endpoint at once, at a
 * fixed rate of traces each with its child spans, from Jobs on the target. Immutable; {@link
 * #step()} makes the step, whose outputs are the traces sent, the spans a second and the duration.
 *
 * @param target where the generators run
 * @param endpoints OTLP/gRPC receivers as {@code host:port} (in-cluster: a Service's name and port,
 *     e.g. {@code tempo:4317}), one generator each
 * @param tracesPerSecond traces a second into each endpoint
 * @param childSpans child spans in each trace, beside its root span
 * @param duration how long
 */
public record TraceLoad(
    String target, List<String> endpoints, int tracesPerSecond, int childSpans, Duration duration) {

  /** The workflow parameter that sets the duration in seconds. */
  public static final String DURATION_PARAM = "traces-seconds";

  public TraceLoad {
    endpoints = List.copyOf(endpoints);
  }

  /** 10 traces/s of 1 root and 4 child spans (50 spans/s) for 10 minutes into each endpoint. */
  public static TraceLoad telemetrygen(String target, String... endpoints) {
    return new TraceLoad(target, List.of(endpoints), 10, 4, Duration.ofMinutes(10));
  }

  /** Traces a second into each endpoint. Default: 10. */
  public TraceLoad tracesPerSecond(int value) {
    return new TraceLoad(target, endpoints, value, childSpans, duration);
  }

  /** Child spans per trace, beside the root span. Default: 4. */
  public TraceLoad childSpans(int value) {
    return new TraceLoad(target, endpoints, tracesPerSecond, value, duration);
  }

  /** How long. Default: 10 minutes. */
  public TraceLoad duration(Duration value) {
    return new TraceLoad(target, endpoints, tracesPerSecond, childSpans, value);
  }

  /** Spans a second this load sends into each endpoint: the root span and its children. */
  public int spansPerSecond() {
    return tracesPerSecond * (1 + childSpans);
  }

  /** The template parameter that sets the duration. */
  public WorkflowParam durationParam() {
    return new WorkflowParam(
        DURATION_PARAM, Long.toString(duration.toSeconds()), "seconds of traces");
  }

  /** The step named {@code traces}. */
  public StepDef step() {
    ScriptDef script =
        LabSteps.kubectl("traces.sh")
            .input("duration-seconds")
            .env("TELEMETRYGEN_IMAGE", LabSteps.TELEMETRYGEN_IMAGE)
            .env("ENDPOINTS", String.join(" ", endpoints))
            .env("TRACES_PER_SECOND", Integer.toString(tracesPerSecond))
            .env("CHILD_SPANS", Integer.toString(childSpans))
            .output("traces", "traces sent into each endpoint, as telemetrygen counted them")
            .output("spans-per-second", "spans a second into each endpoint")
            .output("endpoints", "endpoints written")
            .output("duration-seconds", "seconds of traces");
    return LabSteps.onTarget("traces", target, script).with("duration-seconds", durationParam());
  }
}
