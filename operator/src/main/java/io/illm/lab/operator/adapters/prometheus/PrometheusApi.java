package io.illm.lab.operator.adapters.prometheus;

import io.illm.lab.operator.metrics.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A client of the Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}), which
 * Prometheus, VictoriaMetrics and Mimir all serve.
 *
 * <p>Each request has its own timeout. A connection error, a timeout or a 5xx answer (the server is
 * overloaded or restarting) is retried with exponential backoff, while the deadline allows; a 4xx
 * answer ({@code bad_data}, {@code execution}) is the query's own error and is returned at once
 * with the server's text. The calls block their thread (backoff included): run them on a worker,
 * never on a reconcile thread ({@link Collector} does).
 */
public final class PrometheusApi {

  /** The error of a query the collection's deadline cut short, or that it did not let start. */
  public static final String DEADLINE_PASSED = "no answer before the collection deadline";

  private final URI base;
  private final HttpClient http;
  private final Retries retries;

  /**
   * How requests are bounded and retried.
   *
   * @param requestTimeout the longest one HTTP request may take
   * @param attempts how many times a request is tried at most (1: no retry)
   * @param firstBackoff the wait before the second try; it doubles for every further try
   * @param maxBackoff the longest wait between two tries
   */
  public record Retries(
      Duration requestTimeout, int attempts, Duration firstBackoff, Duration maxBackoff) {

    /** 10 s per request, 3 tries, 250 ms then 500 ms between them (at most 2 s). */
    public static final Retries DEFAULT =
        new Retries(Duration.ofSeconds(10), 3, Duration.ofMillis(250), Duration.ofSeconds(2));

    public Retries {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
      }
    }

    Duration backoff(int attempt) {
      long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
      return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
  }

  /**
   * A client of the API at {@code base} (e.g. {@code http://prometheus:9090}; a path prefix is
   * kept).
   */
  public PrometheusApi(URI base, HttpClient http, Retries retries) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.http = http;
    this.retries = retries;
  }

  /**
   * A client with its own HTTP client (2 s to connect, two daemon threads for its callbacks) and
   * {@link Retries#DEFAULT}. Without an executor the JDK's client starts a thread per concurrent
   * exchange and keeps each for a minute: a dozen threads under load, each with its stack and
   * malloc arena, in an operator that must fit 128 MiB (benchmarks/README.md, "Operator
   * footprint"). Requests are sent synchronously from the collector's workers, so two suffice.
   */
  public static PrometheusApi of(URI base) {
    return new PrometheusApi(
        base,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(callbacks()).build(),
        Retries.DEFAULT);
  }

  private static ExecutorService callbacks() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        2,
        r -> {
          Thread thread = new Thread(r, "illm-prometheus-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The API's address, as given. */
  public URI base() {
    return base;
  }

  /**
   * The value of {@code query} at {@code time} ({@code /api/v1/query}); retries end at {@code
   * deadline}.
   */
  public Answer instant(String query, Instant time, Instant deadline) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", query);
    params.put("time", seconds(time));
    return get("/api/v1/query", params, deadline);
  }

  /** The values of {@code query} from start to end every step ({@code /api/v1/query_range}). */
  public Answer range(String query, Instant start, Instant end, Duration step, Instant deadline) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", query);
    params.put("start", seconds(start));
    params.put("end", seconds(end));
    params.put("step", step.toSeconds() + "s");
    return get("/api/v1/query_range", params, deadline);
  }

  /**
   * Seconds since the epoch with milliseconds, the API's time format; never in a locale's notation.
   */
  static String seconds(Instant time) {
    long millis = time.toEpochMilli();
    long whole = Math.floorDiv(millis, 1000);
    long fraction = Math.floorMod(millis, 1000);
    return fraction == 0
        ? Long.toString(whole)
        : whole + "." + String.format(java.util.Locale.ROOT, "%03d", fraction);
  }

  private Answer get(String path, Map<String, String> params, Instant deadline) {
    URI uri =
        URI.create(
            base
                + path
                + "?"
                + params.entrySet().stream()
                    .map(
                        e ->
                            e.getKey()
                                + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
    Try last = null;
    int tries = 0;
    while (tries < retries.attempts()) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      tries++;
      boolean clipped = left.compareTo(retries.requestTimeout()) < 0;
      last = send(uri, clipped ? left : retries.requestTimeout());
      if (clipped
          && !last.answer().answered()
          && last.answer().error().startsWith("no answer from")) {
        // The deadline cut this request short: say so as the collector does, whichever notices
        // first.
        return Answer.unanswered(DEADLINE_PASSED);
      }
      if (!last.retryable()
          || tries == retries.attempts()
          || !pause(retries.backoff(tries), deadline)) {
        break;
      }
    }
    if (last == null) {
      return Answer.unanswered(DEADLINE_PASSED);
    }
    return last.retryable() && tries > 1 ? last.after(tries) : last.answer();
  }

  /**
   * Waits before the next try; false when the deadline would pass first or the thread is
   * interrupted.
   */
  private static boolean pause(Duration pause, Instant deadline) {
    if (Instant.now().plus(pause).isAfter(deadline)) {
      return false;
    }
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Try send(URI uri, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Try(
          Answer.parse(response.statusCode(), response.body()), response.statusCode() >= 500);
    } catch (HttpTimeoutException e) {
      return new Try(
          Answer.unanswered("no answer from " + base + " within " + timeout.toMillis() + " ms"),
          true);
    } catch (IOException e) {
      return new Try(Answer.unanswered("cannot reach " + base + ": " + describe(e)), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Try(Answer.unanswered("interrupted while querying " + base), false);
    }
  }

  /**
   * One try: the answer, and whether its failure is the server's state (unreachable, timeout, 5xx)
   * rather than the query's, so that another try may succeed.
   */
  private record Try(Answer answer, boolean retryable) {
    Answer after(int tries) {
      return new Answer(
          false,
          answer.answered(),
          answer.series(),
          answer.dropped(),
          answer.error() + " (after " + tries + " tries)",
          answer.body());
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    Throwable cause = e.getCause();
    if ((message == null || message.isBlank()) && cause != null) {
      message = cause.getMessage();
    }
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : " " + message);
  }
}
