package io.illm.lab.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The original lab's own YAML, in {@code ../shared/conformance/original} next to the repository (CI
 * has it; the project does not copy it). Found by walking up from the working directory.
 */
final class Corpus {

  static final String RELATIVE = "shared/conformance/original";

  private Corpus() {}

  /** The corpus folder; skips the calling test, saying why, when it is not there. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(RELATIVE))) {
        return dir.resolve(RELATIVE);
      }
    }
    assumeTrue(
        false,
        "corpus not found: no "
            + RELATIVE
            + " above "
            + Path.of("").toAbsolutePath()
            + " (it lives next to the repository, as ../shared; CI has it)");
    throw new IllegalStateException("unreachable");
  }

  /** Every corpus file, sorted. */
  static List<Path> files() {
    return Importer.yamlFiles(root());
  }
}
