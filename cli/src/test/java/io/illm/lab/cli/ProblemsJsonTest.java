package io.illm.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemsJsonTest {

  @Test
  void everyProblemHasItsFieldsAndASeverityInEnglishWhateverTheLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr")); // "WARNING".toLowerCase() is "warnıng" there
    try {
      ObjectNode root = LabYaml.json().createObjectNode();
      ProblemsJson.put(
          root,
          List.of(
              Problem.warning("a.yaml", "spec.x", "odd", "fix it"),
              Problem.error("b.yaml", "", "wrong", "")));

      JsonNode first = root.path("problems").get(0);
      assertEquals("a.yaml", first.path("file").asText());
      assertEquals("spec.x", first.path("path").asText());
      assertEquals("warning", first.path("severity").asText());
      assertEquals("odd", first.path("message").asText());
      assertEquals("fix it", first.path("hint").asText());
      assertEquals("error", root.path("problems").get(1).path("severity").asText());
    } finally {
      Locale.setDefault(before);
    }
  }
}
