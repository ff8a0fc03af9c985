package io.illm.lab.operator.josdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the operator runs, read from the environment of its Pod.
 *
 * @param concurrency at most this many experiments reconciled at once ({@code ILLM_CONCURRENCY},
 *     default 4)
 * @param leaseNamespace leader election in this namespace ({@code ILLM_LEADER_ELECTION_NAMESPACE});
 *     empty: no leader election (one replica)
 * @param probePort the port of /healthz, /readyz and /metrics ({@code ILLM_PROBE_PORT}, default
 *     8080)
 * @param simTimeFactor how much faster than real time the simulated world runs ({@code
 *     ILLM_SIM_TIME_FACTOR}, default 60)
 * @param firstRetry the first retry after a failed reconcile; later ones back off exponentially
 * @param useSsa patch the status with server-side apply (a real API server); false for the mock
 *     server
 * @param exitWhenNotLeading exit the process when leadership is lost (Kubernetes then restarts it
 *     as a follower); false only where the JVM must outlive the operator (tests)
 */
public record OperatorSettings(
    int concurrency,
    Optional<String> leaseNamespace,
    int probePort,
    double simTimeFactor,
    Duration firstRetry,
    boolean useSsa,
    boolean exitWhenNotLeading) {

  /** The name of the leader-election Lease. */
  public static final String LEASE_NAME = "illm-lab-operator";

  /**
   * The settings in {@code env}; what is unset takes its default, what is malformed stops the
   * start.
   */
  public static OperatorSettings from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    OperatorSettings settings = from(env, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return settings;
  }

  /**
   * The settings in {@code env}, adding a line to {@code problems} for every malformed variable
   * (which then takes its default).
   */
  public static OperatorSettings from(Map<String, String> env, List<String> problems) {
    return new OperatorSettings(
        (int) number(env, "ILLM_CONCURRENCY", 4, problems),
        Optional.ofNullable(env.get("ILLM_LEADER_ELECTION_NAMESPACE")).filter(s -> !s.isBlank()),
        (int) number(env, "ILLM_PROBE_PORT", 8080, problems),
        number(env, "ILLM_SIM_TIME_FACTOR", 60, problems),
        Duration.ofSeconds(2),
        true,
        true);
  }

  private static double number(
      Map<String, String> env, String name, double fallback, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      double n = Double.parseDouble(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        "environment: "
            + name
            + ": \""
            + value
            + "\" is not a positive number (unset it for the default "
            + fallback
            + ")");
    return fallback;
  }
}
