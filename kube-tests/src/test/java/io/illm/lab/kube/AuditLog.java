package io.illm.lab.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The API server's audit log (JSON lines, level Metadata): who asked what and what they got. */
public final class AuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One request.
   *
   * @param user the authenticated (or impersonated) user
   * @param verb get, list, watch, create, patch, ...
   * @param resource the resource, with {@code /subresource} when there is one
   * @param namespace empty for cluster-scoped requests
   * @param code the HTTP status answered
   * @param userAgent the client's user agent
   */
  public record Request(
      String user, String verb, String resource, String namespace, int code, String userAgent) {
    @Override
    public String toString() {
      return code + " " + verb + " " + resource + (namespace.isEmpty() ? "" : " in " + namespace);
    }
  }

  private final Path file;

  public AuditLog(Path file) {
    this.file = file;
  }

  /** Every completed request by {@code user} so far. */
  public List<Request> of(String user) {
    List<Request> requests = new ArrayList<>();
    if (!Files.exists(file)) {
      return requests;
    }
    try (Stream<String> lines = Files.lines(file)) {
      lines.forEach(
          line -> {
            JsonNode event = read(line);
            if (event != null
                && "ResponseComplete".equals(event.path("stage").asText())
                && user.equals(user(event))) {
              requests.add(request(event));
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return requests;
  }

  /** The requests of {@code user} answered 403. */
  public List<Request> forbidden(String user) {
    return of(user).stream().filter(r -> r.code() == 403).toList();
  }

  /** The distinct "verb resource" pairs {@code user} was allowed, sorted. */
  public Set<String> allowed(String user) {
    Set<String> pairs = new TreeSet<>();
    for (Request request : of(user)) {
      if (request.code() < 400 || request.code() == 404 || request.code() == 409) {
        pairs.add(request.verb() + " " + request.resource());
      }
    }
    return pairs;
  }

  private static String user(JsonNode event) {
    JsonNode impersonated = event.path("impersonatedUser");
    return impersonated.isMissingNode()
        ? event.path("user").path("username").asText()
        : impersonated.path("username").asText();
  }

  private static Request request(JsonNode event) {
    JsonNode object = event.path("objectRef");
    String resource = object.path("resource").asText();
    if (object.has("subresource")) {
      resource += "/" + object.path("subresource").asText();
    }
    String group = object.path("apiGroup").asText();
    return new Request(
        user(event),
        event.path("verb").asText(),
        group.isEmpty() ? resource : resource + "." + group,
        object.path("namespace").asText(),
        event.path("responseStatus").path("code").asInt(),
        event.path("userAgent").asText());
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return null; // a line being written
    }
  }
}
