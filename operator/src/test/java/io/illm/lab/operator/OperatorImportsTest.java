package io.illm.lab.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's dependency rules (docs/engine.md): ports speak the domain only; the engine and the
 * in-memory simulators ({@code sim}, not its subpackage {@code sim.controllers}, which acts on an
 * API server by design) know no Kubernetes client and no framework; judge and cost are pure domain
 * code with their one library each; only {@code josdk} imports JOSDK.
 */
class OperatorImportsTest {

  private static final List<String> DOMAIN =
      List.of(
          "import java.",
          "import static java.",
          "import io.illm.lab.model.",
          "import io.illm.lab.operator.lifecycle.",
          "import io.illm.lab.operator.ports.");

  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "ports", DOMAIN,
          "sim", plus(DOMAIN, "import io.illm.lab.operator.sim."),
          "engine",
              plus(
                  DOMAIN,
                  "import io.illm.lab.operator.engine.",
                  "import io.illm.lab.yaml.LabYaml;",
                  "import com.fasterxml.jackson.core.JsonProcessingException;",
                  "import io.illm.lab.operator.cost.CostModel;"),
          "judge",
              plus(
                  DOMAIN,
                  "import io.illm.lab.operator.judge.",
                  "import io.illm.lab.results.",
                  "import org.apache.commons.math3."),
          "cost",
              plus(
                  DOMAIN,
                  "import io.illm.lab.operator.cost.",
                  "import io.illm.lab.results.Cost;",
                  "import com.fasterxml.jackson.databind."));

  @Test
  void portsEngineAndSimImportNeitherClientNorFramework() throws IOException {
    List<String> offending = new ArrayList<>();
    for (var rule : ALLOWED.entrySet()) {
      Path dir = Path.of("src/main/java/io/illm/lab/operator", rule.getKey());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          for (String line : Files.readAllLines(file)) {
            if (line.startsWith("import ")
                && rule.getValue().stream().noneMatch(line::startsWith)) {
              offending.add(rule.getKey() + "/" + file.getFileName() + ": " + line);
            }
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }

  @Test
  void onlyTheJosdkPackageImportsJosdk() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/illm/lab/operator"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (!file.getParent().endsWith("josdk")
            && Files.readString(file).contains("import io.javaoperatorsdk.")) {
          offending.add(file.toString());
        }
      }
    }
    assertEquals(List.of(), offending);
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
