package io.illm.lab.operator.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's {@code prometheus} binary) on a loopback free port, scraping
 * every second a tiny exporter whose values the test controls:
 *
 * <ul>
 *   <li>{@code lab_gauge{experiment="exp-a", target="app"} 42} and {@code ...target="load"} 7;
 *   <li>{@code lab_requests_total{experiment="exp-a", target="app"}}: 10 per second since the
 *       exporter started.
 * </ul>
 *
 * Started once per test class (a few seconds) and stopped in its {@code @AfterAll}.
 */
public final class RealPrometheus implements AutoCloseable {

  /** Where Debian installs it. */
  public static final Path BINARY = Path.of("/usr/bin/prometheus");

  private final HttpServer exporter;
  private final Process process;
  private final Path dir;
  private final URI uri;
  private final long started = System.nanoTime();

  private RealPrometheus(HttpServer exporter, Process process, Path dir, URI uri) {
    this.exporter = exporter;
    this.process = process;
    this.dir = dir;
    this.uri = uri;
  }

  /**
   * Starts the exporter and Prometheus and waits until Prometheus has scraped the counter at least
   * {@code samples} times.
   *
   * @throws IllegalStateException when the binary is missing (install it: apt-get install -y
   *     prometheus)
   */
  public static RealPrometheus start(int samples) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing; install it: apt-get install -y prometheus");
    }
    Path dir = Files.createTempDirectory("illm-prometheus");
    HttpServer exporter =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    long origin = System.nanoTime();
    exporter.createContext(
        "/metrics",
        exchange -> {
          double requests = 10.0 * (System.nanoTime() - origin) / 1e9;
          String text =
              "# TYPE lab_gauge gauge\n"
                  + "lab_gauge{experiment=\"exp-a\",target=\"app\"} 42\n"
                  + "lab_gauge{experiment=\"exp-a\",target=\"load\"} 7\n"
                  + "# TYPE lab_requests_total counter\n"
                  + "lab_requests_total{experiment=\"exp-a\",target=\"app\"} "
                  + requests
                  + "\n";
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    exporter.start();
    int port = freePort();
    Files.writeString(
        dir.resolve("prometheus.yml"),
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            + "scrape_configs:\n  - job_name: lab\n    static_configs:\n      - targets: ['127.0.0.1:"
            + exporter.getAddress().getPort()
            + "']\n");
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    RealPrometheus prometheus =
        new RealPrometheus(exporter, process, dir, URI.create("http://127.0.0.1:" + port));
    try {
      prometheus.awaitSamples(samples);
    } catch (IOException | InterruptedException | RuntimeException e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  /** The API's address. */
  public URI uri() {
    return uri;
  }

  /** Seconds since the exporter started. */
  public double uptimeSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private void awaitSamples(int samples) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String query = "count_over_time(lab_requests_total[1m])";
    Instant until = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            uri
                                + "/api/v1/query?query="
                                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Answer answer = Answer.parse(response.statusCode(), response.body());
        if (answer.hasData() && answer.series().get(0).points().get(0).v() >= samples) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "prometheus did not scrape "
            + samples
            + " samples within 30 s: "
            + Files.readString(dir.resolve("prometheus.log")));
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exporter.stop(0);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
