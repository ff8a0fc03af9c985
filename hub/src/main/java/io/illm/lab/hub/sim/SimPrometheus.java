package io.illm.lab.hub.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.adapters.prometheus.PrometheusMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated metrics source serving the Prometheus HTTP API ({@code /api/v1/query}, {@code
 * /api/v1/query_range}, {@code /api/v1/status/buildinfo}) on a loopback ephemeral port, so that a
 * local run and the tests use the same {@link PrometheusMetrics} as a real source.
 *
 * <p>It evaluates the part of PromQL experiments use ({@link SimQuery}: selectors, rates, {@code
 * *_over_time} of ranges and subqueries, aggregations with {@code by}/{@code without}, arithmetic
 * with numbers) over simulated series ({@link SimLevels}). For an experiment it has been told of
 * ({@link #register}), the levels derive from what its spec declares: the components' requests and
 * limits and the workflow's load ({@link SimProfile}); so a peak is never below the points of its
 * window, a counter never decreases and a rate is never negative. Any other query gets plausible,
 * deterministic values: the same seed, query, labels and time always give the same number, with the
 * query's equality matchers as labels and three series per {@code by (...)} grouping ({@code pod:
 * pod-0}...); the magnitude follows the metric's words (bytes or memory: hundreds of MB; cpu: a
 * fraction of a core; latency, duration or seconds: tens of ms; anything else: tens). Every series
 * carries {@code simulated: "true"}: no value it gives is a measurement.
 *
 * <p>A query with unbalanced brackets or quotes gets {@code 400 bad_data}, as Prometheus would
 * answer. Failure switches: {@link #empty} (queries containing a text return no series) and {@link
 * #failNext} (the next requests get {@code 503}).
 */
public final class SimPrometheus implements AutoCloseable {

  /**
   * The JDK's HTTP server sends a response's headers and its body in two writes; with Nagle's
   * algorithm on (its default), the body waits for the client's delayed acknowledgement of the
   * headers, about 40 ms on Linux: every query took 40 ms longer than its work (a collection's
   * queries queued behind each other in the operator benchmark). The server reads this property
   * once, when the first server of the process starts; it is set here unless someone set it.
   */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern BY = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

  private final long seed;
  private final SimLevels levels;
  private final HttpServer server;
  private final List<String> empty = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Consumer<String> queries = query -> {};

  /** A simulated Prometheus with seed 1 on a loopback ephemeral port. */
  public static SimPrometheus start() {
    try {
      return new SimPrometheus(1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "the simulated Prometheus cannot listen on loopback: " + e.getMessage(), e);
    }
  }

  public SimPrometheus(long seed) throws IOException {
    this.seed = seed;
    this.levels = new SimLevels(seed);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/", this::handle);
    server.setExecutor(
        java.util.concurrent.Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "sim-prometheus");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  /** The API's address, e.g. {@code http://127.0.0.1:41234}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Failure switch: queries containing {@code text} return no series from now on. */
  public void empty(String text) {
    empty.add(text);
  }

  /** Failure switch: the next {@code count} requests are answered {@code 503}. */
  public void failNext(int count) {
    failures.set(count);
  }

  /**
   * Tells {@code listener} of every query received, as {@code <query>@<start>..<end>} (seconds;
   * start equals end for instant queries), on the server's threads.
   */
  public void onQuery(Consumer<String> listener) {
    queries = listener;
  }

  /**
   * From now on, queries about {@code experiment} ({@code experiment="x"} or {@code namespace="x"})
   * get levels from what its spec declares ({@link SimProfile}); components are looked up by name
   * (unknown ones get the defaults).
   */
  public void register(
      Experiment experiment, Function<String, Optional<ComponentSpec>> components) {
    levels.register(SimProfile.of(experiment, components, seed));
  }

  /** How many API requests were received. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      Map<String, String> params = params(exchange);
      String path = exchange.getRequestURI().getPath();
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reply(exchange, 503, error("unavailable", "simulated outage"));
      } else if (path.equals("/api/v1/status/buildinfo")) {
        ObjectNode data =
            JSON.createObjectNode().put("version", "simulated").put("revision", "sim-" + seed);
        reply(exchange, 200, JSON.createObjectNode().put("status", "success").set("data", data));
      } else if (path.equals("/api/v1/query") || path.equals("/api/v1/query_range")) {
        query(exchange, params, path.endsWith("_range"));
      } else {
        reply(exchange, 404, error("not_found", "no such endpoint " + path));
      }
    }
  }

  private void query(HttpExchange exchange, Map<String, String> params, boolean range)
      throws IOException {
    String query = params.getOrDefault("query", "");
    String problem = query.isBlank() ? "no query given" : unbalanced(query);
    if (problem != null) {
      reply(exchange, 400, error("bad_data", "invalid parameter \"query\": " + problem));
      return;
    }
    double end = number(params.get(range ? "end" : "time"), System.currentTimeMillis() / 1000.0);
    double start = range ? number(params.get("start"), end) : end;
    queries.accept(query + "@" + start + ".." + end);
    double step =
        range ? Math.max(1, number(params.getOrDefault("step", "15").replace("s", ""), 15)) : 1;
    ArrayNode result = JSON.createArrayNode();
    if (empty.stream().noneMatch(query::contains)) {
      List<Double> times = new ArrayList<>();
      for (long i = 0; start + i * step <= end + 1e-9; i++) {
        times.add(start + i * step);
      }
      evaluate(query, range ? times : List.of(end))
          .forEach((labels, points) -> write(result.addObject(), labels, points, range));
    }
    ObjectNode data = JSON.createObjectNode().put("resultType", range ? "matrix" : "vector");
    data.set("result", result);
    reply(exchange, 200, JSON.createObjectNode().put("status", "success").set("data", data));
  }

  /**
   * Each output series (labels, simulated included) with its value at each time: evaluated when the
   * query is PromQL {@link SimQuery} reads, else a plain level from the query's words.
   */
  private Map<Map<String, String>, double[][]> evaluate(String query, List<Double> times) {
    Map<Map<String, String>, double[][]> series = new LinkedHashMap<>();
    try {
      SimQuery.Expr expr = SimQuery.parse(query);
      SimEvaluation evaluation = new SimEvaluation(levels, expr);
      for (int i = 0; i < times.size(); i++) {
        for (SimEvaluation.Point p : evaluation.at(expr, times.get(i))) {
          Map<String, String> labels = new TreeMap<>(p.labels());
          labels.put("simulated", "true");
          series.computeIfAbsent(labels, k -> new double[times.size()][]);
          series.get(labels)[i] = new double[] {times.get(i), p.value()};
        }
      }
    } catch (SimQuery.Unsupported e) {
      for (Map<String, String> labels : series(query)) {
        double[][] points = new double[times.size()][];
        for (int i = 0; i < times.size(); i++) {
          points[i] = new double[] {times.get(i), value(query, labels, times.get(i))};
        }
        series.put(labels, points);
      }
    }
    return series;
  }

  private static void write(
      ObjectNode series, Map<String, String> labels, double[][] points, boolean range) {
    ObjectNode metric = series.putObject("metric");
    labels.forEach(metric::put);
    if (range) {
      ArrayNode values = series.putArray("values");
      for (double[] point : points) {
        if (point != null) {
          values.addArray().add(point[0]).add(format(point[1]));
        }
      }
    } else {
      series.putArray("value").add(points[0][0]).add(format(points[0][1]));
    }
  }

  private static List<Map<String, String>> series(String query) {
    Map<String, String> common = new TreeMap<>();
    Matcher m = MATCHER.matcher(query);
    while (m.find()) {
      if (!m.group(1).equals("__name__")) {
        common.put(m.group(1), m.group(2));
      }
    }
    common.put("simulated", "true");
    Matcher by = BY.matcher(query);
    if (!by.find()) {
      return List.of(common);
    }
    List<Map<String, String>> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, String> labels = new TreeMap<>(common);
      for (String name : by.group(1).split(",")) {
        if (!name.isBlank()) {
          labels.put(name.strip(), name.strip() + "-" + i);
        }
      }
      all.add(labels);
    }
    return all;
  }

  /**
   * A deterministic value: a level from the query and labels, a slow wave (2%) and a little noise
   * per second (1%). The level never moves more than 3%, so a verdict on simulated numbers does not
   * flip from one run to the next with the time of day.
   */
  private double value(String query, Map<String, String> labels, double t) {
    // the level must not depend on the window: ranges and subqueries ($DURATION) are left out of
    // the key
    long key = SimSignal.mix(seed ^ (query.replaceAll("\\[[^\\]]*\\]", "[]") + labels).hashCode());
    double level = SimLevels.magnitude(query) * (0.5 + SimSignal.unit(key));
    double wave = 0.02 * Math.sin(t / 300.0 + SimSignal.unit(key >>> 7) * 2 * Math.PI);
    double noise = 0.02 * (SimSignal.unit(SimSignal.mix(key ^ (long) Math.floor(t))) - 0.5);
    return level * (1 + wave + noise);
  }

  private static String unbalanced(String query) {
    StringBuilder open = new StringBuilder();
    boolean quoted = false;
    for (char c : query.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && "([{".indexOf(c) >= 0) {
        open.append(c);
      } else if (!quoted && ")]}".indexOf(c) >= 0) {
        if (open.length() == 0
            || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
          return "parse error: unexpected \"" + c + "\"";
        }
        open.setLength(open.length() - 1);
      }
    }
    if (quoted) {
      return "parse error: unterminated quoted string";
    }
    return open.length() == 0
        ? null
        : "parse error: unclosed \"" + open.charAt(open.length() - 1) + "\"";
  }

  private static Map<String, String> params(HttpExchange exchange) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if ("POST".equals(exchange.getRequestMethod())) {
      raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }

  private static double number(String text, double otherwise) {
    try {
      return text == null ? otherwise : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String format(double v) {
    return Double.toString(v);
  }

  private static ObjectNode error(String type, String message) {
    return JSON.createObjectNode()
        .put("status", "error")
        .put("errorType", type)
        .put("error", message);
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
