package io.illm.lab.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Server-side dry-run creates ({@code ?dryRun=All&fieldValidation=Strict}, what {@code kubectl
 * create --dry-run=server} sends): the API server decodes, defaults and validates the object
 * against its CRD (schema, CEL rules, metadata) and stores nothing.
 */
public final class DryRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public DryRun(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The server's answer.
   *
   * @param code the HTTP status (201 accepted)
   * @param message the Status message when refused
   * @param fields the field of every cause the server gave
   */
  public record Verdict(int code, String message, List<String> fields) {
    public boolean accepted() {
      return code == 201;
    }

    @Override
    public String toString() {
      return accepted() ? "accepted" : code + " " + message;
    }
  }

  /** Creates {@code document} (an Experiment or Component tree) in {@code namespace}, dry. */
  public Verdict create(JsonNode document, String namespace) {
    ObjectNode copy = document.deepCopy();
    String kind = copy.path("kind").asText();
    String path;
    if ("Component".equals(kind)) {
      ((ObjectNode) copy.path("metadata")).remove("namespace");
      path = "components";
    } else {
      copy.withObjectProperty("metadata").put("namespace", namespace);
      path = "namespaces/" + namespace + "/experiments";
    }
    String url =
        client.getMasterUrl()
            + "apis/experiments.illm.io/v1alpha1/"
            + path
            + "?dryRun=All&fieldValidation=Strict";
    try {
      HttpClient http = client.getHttpClient();
      HttpRequest request =
          http.newHttpRequestBuilder()
              .uri(url)
              .post("application/json", JSON.writeValueAsString(copy))
              .build();
      HttpResponse<String> response = http.sendAsync(request, String.class).get();
      return verdict(response.code(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the API server did not answer: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Verdict verdict(int code, String body) throws IOException {
    if (code == 201) {
      return new Verdict(code, "", List.of());
    }
    JsonNode status = JSON.readTree(body);
    List<String> fields = new ArrayList<>();
    status.path("details").path("causes").forEach(c -> fields.add(c.path("field").asText()));
    return new Verdict(code, status.path("message").asText(), fields);
  }
}
