package io.illm.lab.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps most experiments' workflows are made of: wait for the targets' workloads, check a
 * Service answers, apply manifests ({@link #apply}), generate load ({@link HttpLoad}, {@link
 * IngestLoad}, {@link LogLoad}, {@link TraceLoad}, {@link DbWriteLoad}) and record the load
 * applied. Each runs a script of this package's {@code steps/} folder on the hub, reaching a target
 * through its API server with the kubeconfig of the target's cluster claim (the Workflow's service
 * account reads ClusterClaims and their Secrets in {@code experiments}; hub targets use the service
 * account itself). Images are pinned here.
 */
public final class LabSteps {

  /** Steps' shell, kubectl and jq: Docker Hub alpine/k8s, tagged with its kubectl version. */
  public static final String KUBECTL_IMAGE = "alpine/k8s:1.31.2";

  /** HTTP load: Grafana k6 (Docker Hub grafana/k6). */
  public static final String K6_IMAGE = "grafana/k6:0.54.0";

  /** Metrics ingest: avalanche (quay.io/prometheuscommunity/avalanche, remote-write mode). */
  public static final String AVALANCHE_IMAGE = "quay.io/prometheuscommunity/avalanche:v0.6.0";

  /** Log lines: flog (Docker Hub mingrammer/flog). */
  public static final String FLOG_IMAGE = "mingrammer/flog:0.4.3";

  /** Traces: OpenTelemetry's telemetrygen (ghcr.io, the collector-contrib repository's). */
  public static final String TELEMETRYGEN_IMAGE =
      "ghcr.io/open-telemetry/opentelemetry-collector-contrib/telemetrygen:v0.112.0";

  /** The operator sets it on every Workflow: the experiment's name, its components' namespace. */
  public static final WorkflowParam EXPERIMENT_NAME =
      new WorkflowParam("experiment-name", null, "the experiment's name; set by the operator");

  private LabSteps() {}

  /** The parameter the operator sets to a target's API endpoint ({@code <target>-endpoint}). */
  public static WorkflowParam endpoint(String target) {
    return new WorkflowParam(
        target + "-endpoint", null, "API server of target " + target + "; set by the operator");
  }

  /** Waits until every Deployment of the experiment is Available and StatefulSet rolled out. */
  public static StepDef waitForWorkloads(Duration timeout, String... targets) {
    List<String> inputs = new ArrayList<>(List.of("experiment-name"));
    for (String target : targets) {
      inputs.add(target + "-endpoint");
    }
    StepDef step =
        new StepDef(
            "wait-for-workloads",
            kubectl("wait.sh")
                .input(inputs.toArray(String[]::new))
                .env("TARGETS", String.join(" ", targets))
                .env("TIMEOUT", timeout.toSeconds() + "s")
                .output("ready-at", "when every workload was ready (RFC 3339)"),
            java.util.Map.of(),
            null);
    step = step.with("experiment-name", EXPERIMENT_NAME);
    for (String target : targets) {
      step = step.with(target + "-endpoint", endpoint(target));
    }
    return step;
  }

  /** One GET of {@code path} on a Service of the experiment, through the target's API server. */
  public static StepDef smoke(String name, String target, String service, int port, String path) {
    return onTarget(
        name,
        target,
        kubectl("smoke.sh")
            .env("SERVICE", service)
            .env("PORT", Integer.toString(port))
            .env("URL_PATH", path)
            .output("smoke", "ok when the Service answered"));
  }

  /**
   * Applies {@code manifests} (YAML, several documents) in the experiment's namespace of {@code
   * target}, then waits up to {@code timeout} for each of {@code conditions}, written {@code
   * <kind>/<name>=<condition>} (e.g. {@code gateway/web=Programmed}): the objects a system under
   * test needs that no chart makes, such as the routes of a gateway. Idempotent (kubectl apply);
   * its output {@code applied} lists the objects.
   */
  public static StepDef apply(
      String name, String target, String manifests, Duration timeout, String... conditions) {
    return onTarget(
        name,
        target,
        kubectl("apply.sh")
            .env("MANIFESTS", manifests)
            .env("CONDITIONS", String.join(" ", conditions))
            .env("TIMEOUT", timeout.toSeconds() + "s")
            .output("applied", "the objects applied"));
  }

  /**
   * Records the load {@code load} applied as one JSON object in the workflow output {@code load}
   * (the Workflow's {@code status.outputs}), for the measurements to be read against.
   */
  public static StepDef recordLoad(StepDef load) {
    StringBuilder pairs = new StringBuilder();
    for (String output : load.outputNames()) {
      pairs
          .append(pairs.isEmpty() ? "" : " ")
          .append(output)
          .append('=')
          .append(load.output(output));
    }
    return new StepDef(
        "record-load",
        kubectl("record.sh")
            .input("load")
            .env("LOAD_STEP", load.name())
            .globalOutput("load", "the load applied, as JSON"),
        java.util.Map.of("load", pairs.toString()),
        null);
  }

  /** A step running {@code script} against {@code target}: its endpoint and the experiment. */
  static StepDef onTarget(String name, String target, ScriptDef script) {
    return new StepDef(
            name,
            script.input("experiment-name", "endpoint").env("TARGET", target),
            java.util.Map.of(),
            null)
        .with("experiment-name", EXPERIMENT_NAME)
        .with("endpoint", endpoint(target));
  }

  /** A script of the steps folder, after the library, in the kubectl image. */
  static ScriptDef kubectl(String file) {
    return ScriptDef.of(KUBECTL_IMAGE, library() + "\n" + read(file)).resources("50m", "64Mi");
  }

  static String library() {
    return read("lab.sh");
  }

  private static String read(String file) {
    try (InputStream in = LabSteps.class.getResourceAsStream("steps/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no step script " + file + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
