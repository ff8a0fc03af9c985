package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.Map;

/**
 * Finds strings that would not come back the same from a YAML round trip through {@link
 * io.illm.lab.yaml.LabYaml}, and numbers YAML and JSON cannot carry (NaN, infinities).
 *
 * <p>Measured, not guessed: every code point of Unicode was written alone, between letters and
 * after a line break, and read back; only U+0085 (NEL, which comes back as a space) changed. Lone
 * surrogates cannot be encoded at all. Everything else, control characters included, is escaped by
 * the writer and survives ({@code YamlSafeStringsTest} keeps that true).
 */
final class YamlSafeStrings {

  private YamlSafeStrings() {}

  /**
   * Every such string, map key or number in the tree, with its path. The paths are built only for a
   * tree that has one: building the path of every field of every document was a tenth of the
   * synth's time in its benchmark (benchmarks/README.md), and almost every tree has none.
   */
  static void check(String file, String path, JsonNode node, List<Problem> problems) {
    if (anyUnsafe(node)) {
      report(file, path, node, problems);
    }
  }

  private static boolean anyUnsafe(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (firstUnsafe(field.getKey()) >= 0 || anyUnsafe(field.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (anyUnsafe(element)) {
          return true;
        }
      }
      return false;
    }
    if (node.isTextual()) {
      return firstUnsafe(node.textValue()) >= 0;
    }
    return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
  }

  private static void report(String file, String path, JsonNode node, List<Problem> problems) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String fieldPath = FieldPath.key(path, field.getKey());
        checkString(file, fieldPath, "key", field.getKey(), problems);
        report(file, fieldPath, field.getValue(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        report(file, FieldPath.index(path, i), node.get(i), problems);
      }
    } else if (node.isTextual()) {
      checkString(file, path, "value", node.textValue(), problems);
    } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      problems.add(
          Problem.error(
              file,
              path,
              "not a finite number (" + node.doubleValue() + ")",
              "use a finite decimal number"));
    }
  }

  private static void checkString(
      String file, String path, String what, String text, List<Problem> problems) {
    int bad = firstUnsafe(text);
    if (bad >= 0) {
      problems.add(
          Problem.error(
              file,
              path,
              what + " contains " + String.format("U+%04X", bad) + ", which does not survive YAML",
              "remove or replace the character"));
    }
  }

  /** The first code point that does not survive YAML, or -1. */
  static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c) || isUnsafe(c)) {
        return c;
      }
    }
    return -1;
  }

  private static boolean isUnsafe(char c) {
    return c == NEL;
  }

  private static final char NEL = '\u0085';
}
