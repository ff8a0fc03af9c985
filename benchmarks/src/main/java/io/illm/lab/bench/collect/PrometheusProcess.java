package io.illm.lab.bench.collect;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code prometheus} on a loopback free port, scraping every second an exporter with
 * {@code families} counters ({@code bench_requests_NN_total}) and as many gauges ({@code
 * bench_level_NN}) for each of {@code targets} targets ({@code target="t0"}...).
 */
final class PrometheusProcess implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/prometheus");

  private final HttpServer exporter;
  private final Process process;
  private final Path dir;
  final URI uri;

  private PrometheusProcess(HttpServer exporter, Process process, Path dir, URI uri) {
    this.exporter = exporter;
    this.process = process;
    this.dir = dir;
    this.uri = uri;
  }

  static PrometheusProcess start(int families, int targets, int samples)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing; install it: apt-get install -y prometheus");
    }
    Path dir = Files.createTempDirectory("illm-bench-prometheus");
    long origin = System.nanoTime();
    HttpServer exporter =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    exporter.createContext(
        "/metrics",
        exchange -> {
          double seconds = (System.nanoTime() - origin) / 1e9;
          StringBuilder text = new StringBuilder();
          for (int f = 0; f < families; f++) {
            String n = String.format(java.util.Locale.ROOT, "%02d", f);
            text.append("# TYPE bench_requests_").append(n).append("_total counter\n");
            for (int t = 0; t < targets; t++) {
              text.append("bench_requests_")
                  .append(n)
                  .append("_total{target=\"t")
                  .append(t)
                  .append("\"} ")
                  .append(seconds * (f + 1) * (t + 1))
                  .append('\n');
            }
            text.append("# TYPE bench_level_").append(n).append(" gauge\n");
            for (int t = 0; t < targets; t++) {
              text.append("bench_level_")
                  .append(n)
                  .append("{target=\"t")
                  .append(t)
                  .append("\"} ")
                  .append(f * 10 + t)
                  .append('\n');
            }
          }
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    exporter.start();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Files.writeString(
        dir.resolve("prometheus.yml"),
        "global:\n  scrape_interval: 1s\n"
            + "scrape_configs:\n  - job_name: bench\n    static_configs:\n      - targets: ['127.0.0.1:"
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
    PrometheusProcess prometheus =
        new PrometheusProcess(exporter, process, dir, URI.create("http://127.0.0.1:" + port));
    try {
      prometheus.await(samples);
    } catch (IOException | InterruptedException | RuntimeException e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  private void await(int samples) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI query =
        URI.create(
            uri
                + "/api/v1/query?query="
                + URLEncoder.encode(
                    "count_over_time(bench_level_00{target=\"t0\"}[5m])", StandardCharsets.UTF_8));
    Instant until = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(until)) {
      try {
        String body =
            http.send(
                    HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        int at = body.lastIndexOf(",\"");
        if (at > 0
            && Double.parseDouble(body.substring(at + 2, body.indexOf('"', at + 2))) >= samples) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        // not ready yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "prometheus did not scrape "
            + samples
            + " samples: "
            + Files.readString(dir.resolve("prometheus.log")));
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exporter.stop(0);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
