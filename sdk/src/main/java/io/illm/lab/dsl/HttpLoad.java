package io.illm.lab.dsl;

import java.time.Duration;

/**
 * HTTP load on a Service of the experiment: k6 at a constant arrival rate, from a Job on the
 * target. Immutable; {@link #step()} makes the step, whose outputs are the requests sent, the rate
 * reached and the failed ratio.
 *
 * @param target the target the Service runs on
 * @param service the Service's name in the experiment's namespace
 * @param port its port
 * @param path the path requested
 * @param rate requests per second to start
 * @param duration how long
 * @param vus virtual users k6 keeps ready to hold the rate
 */
public record HttpLoad(
    String target, String service, int port, String path, int rate, Duration duration, int vus) {

  /**
   * The workflow parameter that sets the load's duration in seconds; its default is {@link
   * #duration}.
   */
  public static final String DURATION_PARAM = "load-seconds";

  /** 10 requests/s for 5 minutes at {@code /}, 20 VUs ready. */
  public static HttpLoad k6(String target, String service, int port) {
    return new HttpLoad(target, service, port, "/", 10, Duration.ofMinutes(5), 20);
  }

  /** The path requested. Default: {@code /}. */
  public HttpLoad path(String value) {
    return new HttpLoad(target, service, port, value, rate, duration, vus);
  }

  /** Requests per second. Default: 10. */
  public HttpLoad rate(int requestsPerSecond) {
    return new HttpLoad(target, service, port, path, requestsPerSecond, duration, vus);
  }

  /** How long, in whole seconds. Default: 5 minutes. */
  public HttpLoad duration(Duration value) {
    return new HttpLoad(target, service, port, path, rate, value, vus);
  }

  /** Virtual users kept ready. Default: 20. */
  public HttpLoad vus(int value) {
    return new HttpLoad(target, service, port, path, rate, duration, value);
  }

  /** The template parameter that sets the duration; add it to the template with the step. */
  public WorkflowParam durationParam() {
    return new WorkflowParam(
        DURATION_PARAM, Long.toString(duration.toSeconds()), "seconds of HTTP load");
  }

  /** The step named {@code load}. */
  public StepDef step() {
    ScriptDef script =
        LabSteps.kubectl("k6.sh")
            .input("duration-seconds")
            .env("K6_IMAGE", LabSteps.K6_IMAGE)
            .env("SERVICE", service)
            .env("PORT", Integer.toString(port))
            .env("URL_PATH", path)
            .env("RATE", Integer.toString(rate))
            .env("VUS", Integer.toString(vus))
            .output("requests", "requests k6 sent")
            .output("applied-rps", "requests per second reached")
            .output("failed-ratio", "share of requests that failed")
            .output("duration-seconds", "seconds of load");
    return LabSteps.onTarget("load", target, script).with("duration-seconds", durationParam());
  }
}
