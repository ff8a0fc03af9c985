package io.illm.lab.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI registry on loopback for the signing tests: go-containerregistry's {@code crane registry
 * serve} (in memory, gone when stopped), plus the few calls of the distribution API a test needs to
 * change what is stored, as an attacker with write access to the registry would.
 */
final class LoopbackRegistry implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("serving on port (\\d+)");
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private final Process process;
  final String host;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LoopbackRegistry(Process process, String host) {
    this.process = process;
    this.host = host;
  }

  /** Starts crane's registry on a free loopback port. */
  static LoopbackRegistry start(Path crane) throws IOException {
    Process p =
        new ProcessBuilder(crane.toString(), "registry", "serve", "--address", "127.0.0.1:0")
            .redirectErrorStream(true)
            .start();
    BufferedReader log =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (String line; System.nanoTime() < deadline && (line = log.readLine()) != null; ) {
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (log.readLine() != null) {
                      // the registry logs every request; nobody reads them
                    }
                  } catch (IOException e) {
                    // stopped
                  }
                },
                "registry-log");
        drain.setDaemon(true);
        drain.start();
        return new LoopbackRegistry(p, "127.0.0.1:" + m.group(1));
      }
    }
    p.destroyForcibly();
    throw new IOException("crane registry serve did not say its port");
  }

  /** A manifest, as stored. */
  byte[] manifest(String repository, String reference) throws IOException {
    HttpResponse<byte[]> r =
        send(
            HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + reference))
                .header("Accept", MANIFEST)
                .GET());
    check(r, 200, "GET manifest " + reference);
    return r.body();
  }

  void putManifest(String repository, String reference, byte[] manifest) throws IOException {
    HttpResponse<byte[]> r =
        send(
            HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", MANIFEST)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
    check(r, 201, "PUT manifest " + reference);
  }

  byte[] blob(String repository, String digest) throws IOException {
    HttpResponse<byte[]> r =
        send(HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/" + digest)).GET());
    check(r, 200, "GET blob " + digest);
    return r.body();
  }

  /** Uploads {@code bytes} in one request (a monolithic upload); returns its digest. */
  String putBlob(String repository, byte[] bytes) throws IOException {
    String digest = OciLayout.sha256(bytes);
    HttpResponse<byte[]> start =
        send(
            HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    check(start, 202, "POST upload");
    String location = start.headers().firstValue("Location").orElseThrow();
    URI upload = url("/").resolve(location);
    String sep = upload.getQuery() == null ? "?" : "&";
    HttpResponse<byte[]> put =
        send(
            HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    check(put, 201, "PUT blob");
    return digest;
  }

  static JsonNode json(byte[] bytes) throws IOException {
    return OciLayout.JSON.readTree(bytes);
  }

  private URI url(String path) {
    return URI.create("http://" + host + path);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void check(HttpResponse<byte[]> r, int expected, String what) throws IOException {
    if (r.statusCode() != expected) {
      throw new IOException(
          what + ": HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
