package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.rules.TemplateSignature;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Argo WorkflowTemplates as documents: recognising one, and the view the rules check an
 * experiment's workflow against ({@link TemplateSignature}: the name and the declared parameters).
 */
public final class WorkflowTemplates {

  /** The API version of the WorkflowTemplates the lab writes (Argo Workflows v3.x). */
  public static final String API_VERSION = "argoproj.io/v1alpha1";

  /** Their kind. */
  public static final String KIND = "WorkflowTemplate";

  /**
   * The namespace Argo Workflows runs the lab's Workflows in, on every hub (the operator's too).
   */
  public static final String NAMESPACE = "argo-workflows";

  private WorkflowTemplates() {}

  /** Whether the document is an Argo WorkflowTemplate. */
  public static boolean is(JsonNode document) {
    return document.isObject()
        && API_VERSION.equals(document.path("apiVersion").asText())
        && KIND.equals(document.path("kind").asText());
  }

  /**
   * The template's name and its declared parameters ({@code spec.arguments.parameters}, a default
   * being a {@code value}); empty when the document is no named WorkflowTemplate.
   */
  public static Optional<TemplateSignature> signature(JsonNode document) {
    String name = document.path("metadata").path("name").asText("");
    if (!is(document) || name.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Boolean> parameters = new TreeMap<>();
    for (JsonNode parameter : document.path("spec").path("arguments").path("parameters")) {
      String parameterName = parameter.path("name").asText("");
      if (!parameterName.isEmpty()) {
        parameters.put(parameterName, parameter.path("value").isTextual());
      }
    }
    return Optional.of(new TemplateSignature(name, parameters));
  }
}
