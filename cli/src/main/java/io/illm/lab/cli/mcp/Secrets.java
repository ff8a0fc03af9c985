package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of tool results and the audit log. Two nets: arguments whose names say
 * they hold a secret are replaced by {@link #REDACTED}; and every value known to be secret (the
 * process' credential variables, the credentials in the kubeconfigs the server may use) is replaced
 * wherever it appears in text that leaves the server.
 */
final class Secrets {

  /** What replaces a secret. */
  static final String REDACTED = "<redacted>";

  /** Names of variables, arguments and kubeconfig fields that hold secrets. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(secret|token|password|passwd|credential|access.?key|private.?key|client.?key|"
              + "certificate.?data|session|auth|apikey|api_key).*");

  /** Shorter values are too likely to occur by chance to be replaced everywhere. */
  private static final int SHORTEST = 6;

  private final List<String> values;

  private Secrets(Collection<String> values) {
    // longest first, so a secret that contains another is replaced whole
    this.values =
        values.stream()
            .filter(v -> v != null && v.length() >= SHORTEST)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The secrets of {@code env} and of the kubeconfig files given. */
  static Secrets of(Map<String, String> env, List<Path> kubeconfigs) {
    Set<String> found = new TreeSet<>();
    env.forEach(
        (name, value) -> {
          if (SECRET_NAME.matcher(name).matches()) {
            found.add(value);
          }
        });
    for (Path file : kubeconfigs) {
      found.addAll(kubeconfigSecrets(file));
    }
    return new Secrets(found);
  }

  /** True when an argument or field of this name holds a secret. */
  static boolean secretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** {@code text} with every known secret value replaced. */
  String scrub(String text) {
    String out = text;
    for (String value : values) {
      if (out.contains(value)) {
        out = out.replace(value, REDACTED);
      }
    }
    return out;
  }

  /** A copy of {@code arguments} with secret-named fields redacted, at any depth. */
  static JsonNode redactNames(JsonNode arguments) {
    JsonNode copy = arguments.deepCopy();
    redactInPlace(copy);
    return copy;
  }

  private static void redactInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (secretName(name) && !object.get(name).isNull()) {
          object.put(name, REDACTED);
        } else {
          redactInPlace(object.get(name));
        }
      }
    } else if (node.isArray()) {
      node.forEach(Secrets::redactInPlace);
    }
  }

  /** Every credential value under the users of a kubeconfig (tokens, passwords, keys). */
  private static List<String> kubeconfigSecrets(Path file) {
    List<String> found = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return found;
    }
    try {
      JsonNode config = LabYaml.reader().readTree(Files.readString(file));
      for (JsonNode user : config.path("users")) {
        collect(user.path("user"), found);
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable kubeconfig has nothing the server could leak: it cannot use it either
    }
    return found;
  }

  private static void collect(JsonNode node, List<String> found) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        collect(value, found);
        value.forEach(item -> collect(item, found));
      } else if (!field.getKey().equals("username") && value.isTextual()) {
        found.add(value.asText());
      }
    }
  }
}
