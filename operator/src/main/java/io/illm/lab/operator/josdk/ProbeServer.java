package io.illm.lab.operator.josdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints for Kubernetes and Prometheus: {@code /healthz} (liveness: the
 * operator started), {@code /readyz} (readiness: every event source is healthy) and {@code
 * /metrics}.
 */
public final class ProbeServer implements AutoCloseable {

  private final HttpServer server;

  private ProbeServer(HttpServer server) {
    this.server = server;
  }

  /** Serves the endpoints on {@code port} (0: any free port) on every interface. */
  public static ProbeServer start(int port, Operator operator, OperatorMetrics metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/healthz", e -> answer(e, () -> operator.getRuntimeInfo().isStarted(), "ok"));
    server.createContext(
        "/readyz",
        e ->
            answer(
                e,
                () ->
                    operator.getRuntimeInfo().isStarted()
                        && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
                "ready"));
    server.createContext("/metrics", e -> answer(e, () -> true, metrics.prometheusText()));
    server.start();
    return new ProbeServer(server);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, Supplier<Boolean> healthy, String body)
      throws IOException {
    boolean ok = healthy.get();
    byte[] bytes = (ok ? body : "not " + body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    exchange.sendResponseHeaders(ok ? 200 : 503, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
