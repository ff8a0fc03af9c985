package io.illm.lab.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFilesTest {

  @TempDir Path dir;

  @Test
  void yamlFilesInAnyCaseSortedWithoutHiddenOnes() throws IOException {
    for (String name :
        List.of(
            "b/two.yml",
            "a/one.YAML",
            "a/notes.md",
            ".git/config.yaml",
            "c/.draft.yaml",
            "c/.hidden/three.yaml")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "kind: X\n");
    }
    assertEquals(
        List.of(dir.resolve("a/one.YAML"), dir.resolve("b/two.yml")), YamlFiles.under(dir));
  }

  @Test
  void aFolderThatDoesNotExistHasNone() {
    assertEquals(List.of(), YamlFiles.under(dir.resolve("missing")));
  }
}
