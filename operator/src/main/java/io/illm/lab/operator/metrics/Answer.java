package io.illm.lab.operator.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Series;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Prometheus HTTP API answered to one query: the series, or the error it gave.
 *
 * @param ok true when the server answered {@code status: success}
 * @param answered true when a server answered at all (false: connection refused, timeout, deadline)
 * @param series the series, ordered by their labels; NaN and infinities dropped
 * @param dropped how many NaN or infinite values were dropped
 * @param error the error as the server gave it ({@code errorType: error}) or as the client met it
 * @param body the response body as received, for the raw results (null when none)
 */
public record Answer(
    boolean ok, boolean answered, List<Series> series, int dropped, String error, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Orders series by their labels, compared as sorted name=value lists. */
  static final Comparator<Series> BY_LABELS = Comparator.comparing(s -> s.labels().toString());

  public Answer {
    series = series == null ? List.of() : List.copyOf(series);
  }

  /** No server answered: {@code error} says why. */
  public static Answer unanswered(String error) {
    return new Answer(false, false, List.of(), 0, error, null);
  }

  /** True when the answer holds at least one point. */
  public boolean hasData() {
    return series.stream().anyMatch(s -> !s.points().isEmpty());
  }

  /**
   * Reads a Prometheus API response body ({@code vector}, {@code matrix} or {@code scalar}).
   *
   * @param httpStatus the HTTP status, named in the error when the body is not the API's JSON
   */
  public static Answer parse(int httpStatus, String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject() || !root.has("status")) {
      return new Answer(
          false,
          true,
          List.of(),
          0,
          "HTTP " + httpStatus + ": not a Prometheus API answer: " + abbreviate(body),
          body);
    }
    if (!"success".equals(root.path("status").asText())) {
      String type = root.path("errorType").asText("");
      String error = root.path("error").asText("HTTP " + httpStatus);
      return new Answer(
          false, true, List.of(), 0, type.isEmpty() ? error : type + ": " + error, body);
    }
    JsonNode data = root.path("data");
    List<Series> series = new ArrayList<>();
    int[] dropped = {0};
    String type = data.path("resultType").asText("");
    JsonNode result = data.path("result");
    switch (type) {
      case "vector" ->
          result.forEach(
              s -> series.add(series(s.path("metric"), List.of(s.path("value")), dropped)));
      case "matrix" ->
          result.forEach(
              s -> series.add(series(s.path("metric"), list(s.path("values")), dropped)));
      case "scalar" -> series.add(series(null, List.of(result), dropped));
      default -> {
        return new Answer(
            false,
            true,
            List.of(),
            0,
            "result type \""
                + type
                + "\" is not a number (use a vector,"
                + " matrix or scalar expression)",
            body);
      }
    }
    series.removeIf(s -> s.points().isEmpty());
    series.sort(BY_LABELS);
    return new Answer(true, true, series, dropped[0], null, body);
  }

  private static Series series(JsonNode metric, List<JsonNode> pairs, int[] dropped) {
    Map<String, String> labels = new TreeMap<>();
    if (metric != null) {
      for (Map.Entry<String, JsonNode> label : metric.properties()) {
        if (!label.getValue().asText().isEmpty()) {
          labels.put(label.getKey(), label.getValue().asText());
        }
      }
    }
    List<Point> points = new ArrayList<>();
    for (JsonNode pair : pairs) {
      double v = number(pair.path(1).asText());
      if (Double.isFinite(v)) {
        points.add(new Point(pair.path(0).asDouble(), v));
      } else {
        dropped[0]++;
      }
    }
    points.sort(Comparator.comparingDouble(Point::t));
    return new Series(new TreeMap<>(labels), points);
  }

  /**
   * Prometheus writes infinities as {@code +Inf}/{@code -Inf}, which {@link Double#parseDouble}
   * refuses.
   */
  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
      case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          yield Double.NaN;
        }
      }
    };
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
