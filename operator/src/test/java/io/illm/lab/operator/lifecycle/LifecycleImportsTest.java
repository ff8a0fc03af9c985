package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle stays pure: it imports only java.* and the model (and fabric8's Condition, the
 * model's own condition type); no client, no framework, no logging, no clock.
 */
class LifecycleImportsTest {

  private static final Path SOURCES = Path.of("src/main/java/io/illm/lab/operator/lifecycle");
  private static final List<String> ALLOWED =
      List.of(
          "import java.",
          "import static java.",
          "import io.illm.lab.model.",
          "import io.illm.lab.operator.lifecycle.",
          "import io.fabric8.kubernetes.api.model.Condition;");

  @Test
  void importsOnlyJavaAndTheModel() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("import ") && ALLOWED.stream().noneMatch(line::startsWith)) {
            offending.add(file.getFileName() + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }

  @Test
  void neverReadsTheClock() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file);
        for (String call :
            List.of("Instant.now(", "Clock.", "System.currentTimeMillis", "System.nanoTime")) {
          if (text.contains(call)) {
            offending.add(file.getFileName() + ": " + call);
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }
}
