package io.illm.lab.operator.main;

import io.illm.lab.operator.adapters.s3.S3Settings;
import io.illm.lab.operator.josdk.OperatorSettings;
import io.illm.lab.operator.results.Retries;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the operator reads from its environment, read here and nowhere else (the Pod's
 * ConfigMap, Secret and downward API; docs/engine.md lists the variables).
 *
 * @param settings how the JOSDK shell runs (concurrency, leader election, probes)
 * @param namespace where the operator keeps its own objects ({@code ILLM_NAMESPACE}); empty: the
 *     client's namespace
 * @param prometheus the Prometheus or VictoriaMetrics HTTP API the metrics are read from ({@code
 *     ILLM_PROMETHEUS_URL}, required: the operator measures, it never simulates)
 * @param s3 the results bucket ({@code ILLM_RESULTS_S3} and friends); empty: results go to {@code
 *     resultsDir}
 * @param resultsDir where runs are kept without S3 ({@code ILLM_RESULTS_DIR})
 * @param retries how long the results store may stay down ({@code ILLM_RESULTS_OUTAGE_DEADLINE})
 * @param instance who reports the operator's Events ({@code HOSTNAME}: the pod's name)
 */
public record OperatorConfig(
    OperatorSettings settings,
    Optional<String> namespace,
    URI prometheus,
    Optional<S3Settings> s3,
    Path resultsDir,
    Retries retries,
    String instance) {

  public static final String PROMETHEUS_URL = "ILLM_PROMETHEUS_URL";
  public static final String NAMESPACE = "ILLM_NAMESPACE";
  public static final String RESULTS_DIR = "ILLM_RESULTS_DIR";
  static final String DEFAULT_RESULTS_DIR = "/var/lib/illm-lab/results";
  private static final String SOURCE = "environment";

  /**
   * The configuration in {@code env}.
   *
   * @throws InvalidInputException listing every missing or malformed variable, each with its fix
   */
  public static OperatorConfig from(Map<String, String> env) {
    List<Problem> problems = new ArrayList<>();
    List<String> settingsProblems = new ArrayList<>();
    OperatorSettings settings = OperatorSettings.from(env, settingsProblems);
    settingsProblems.forEach(p -> problems.add(Problem.error(SOURCE, "", p, "")));
    URI prometheus = prometheus(value(env, PROMETHEUS_URL), problems);
    Optional<S3Settings> s3 = Optional.empty();
    try {
      s3 = S3Settings.from(env);
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    Retries retries = Retries.DEFAULT;
    try {
      retries = Retries.from(env);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.error(SOURCE, Retries.DEADLINE, e.getMessage(), ""));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the operator's environment", problems);
    }
    return new OperatorConfig(
        settings,
        Optional.ofNullable(value(env, NAMESPACE)),
        prometheus,
        s3,
        Path.of(Optional.ofNullable(value(env, RESULTS_DIR)).orElse(DEFAULT_RESULTS_DIR)),
        retries,
        Optional.ofNullable(value(env, "HOSTNAME")).orElse("illm-lab-operator"));
  }

  private static URI prometheus(String url, List<Problem> problems) {
    if (url == null) {
      problems.add(
          Problem.error(
              SOURCE,
              PROMETHEUS_URL,
              "is required: the operator reads every metric from it",
              "set it to the Prometheus or VictoriaMetrics HTTP API, e.g."
                  + " http://prometheus.monitoring:9090"));
      return null;
    }
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(
        Problem.error(
            SOURCE,
            PROMETHEUS_URL,
            "\"" + url + "\" is not an http(s) URL",
            "e.g. http://prometheus.monitoring:9090"));
    return null;
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
