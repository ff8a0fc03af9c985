package io.illm.lab.dsl;

import java.time.Duration;

/**
 * HTTP load on a Service of the experiment: k6 at a constant arrival rate, from a Job on the
 * target, or from a Job on another target ({@link #from}) against the Service's external address.
 * Immutable; {@link #step()} makes the step, whose outputs are the requests sent, the rate reached
 * and the failed ratio.
 *
 * @param target the target the Service runs on
 * @param service the Service's name in the experiment's namespace; with {@link #from}, also {@code
 *     <kind>/<name>} of an object that publishes an external address (a Gateway API {@code
 *     gateway/<name>}, an {@code ingress/<name>})
 * @param port its port
 * @param path the path requested
 * @param rate requests per second to start
 * @param duration how long
 * @param vus virtual users k6 keeps ready to hold the rate
 * @param from the target k6 runs on; null: {@code target} itself, reaching the Service by its
 *     in-cluster name
 */
public record HttpLoad(
    String target,
    String service,
    int port,
    String path,
    int rate,
    Duration duration,
    int vus,
    String from) {

  /**
   * The workflow parameter that sets the load's duration in seconds; its default is {@link
   * #duration}.
   */
  public static final String DURATION_PARAM = "load-seconds";

  /** 10 requests/s for 5 minutes at {@code /}, 20 VUs ready, from the Service's own target. */
  public static HttpLoad k6(String target, String service, int port) {
    return new HttpLoad(target, service, port, "/", 10, Duration.ofMinutes(5), 20, null);
  }

  /** The path requested. Default: {@code /}. */
  public HttpLoad path(String value) {
    return new HttpLoad(target, service, port, value, rate, duration, vus, from);
  }

  /** Requests per second. Default: 10. */
  public HttpLoad rate(int requestsPerSecond) {
    return new HttpLoad(target, service, port, path, requestsPerSecond, duration, vus, from);
  }

  /** How long, in whole seconds. Default: 5 minutes. */
  public HttpLoad duration(Duration value) {
    return new HttpLoad(target, service, port, path, rate, value, vus, from);
  }

  /** Virtual users kept ready. Default: 20. */
  public HttpLoad vus(int value) {
    return new HttpLoad(target, service, port, path, rate, duration, value, from);
  }

  /**
   * k6 runs on another target (a load generator's cluster) and reaches the Service from outside: at
   * its load balancer's address (a Service's or Ingress's {@code status.loadBalancer}, a Gateway's
   * {@code status.addresses}), read from {@link #target} and waited for up to 10 minutes. The load
   * target needs no component: the step makes the experiment's namespace there.
   *
   * <p>Default: k6 runs on {@link #target} and uses the Service's in-cluster name.
   */
  public HttpLoad from(String loadTarget) {
    return new HttpLoad(target, service, port, path, rate, duration, vus, loadTarget);
  }

  /** The template parameter that sets the duration; add it to the template with the step. */
  public WorkflowParam durationParam() {
    return new WorkflowParam(
        DURATION_PARAM, Long.toString(duration.toSeconds()), "seconds of HTTP load");
  }

  /** The step named {@code load}. */
  public StepDef step() {
    return step("load");
  }

  /**
   * The step named {@code name}, its Job {@code lab-<name>}: several loads from one target run in
   * parallel under different names ({@code load-traefik}, {@code load-kong}).
   */
  public StepDef step(String name) {
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
    if (!name.equals("load")) {
      script = script.env("JOB", "lab-" + name);
    }
    if (from != null) {
      script = script.input("load-endpoint").env("LOAD_TARGET", from);
    }
    StepDef step =
        LabSteps.onTarget(name, target, script).with("duration-seconds", durationParam());
    return from == null ? step : step.with("load-endpoint", LabSteps.endpoint(from));
  }
}
