package io.illm.lab.importer;

import io.illm.lab.model.Category;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.Validator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Experiment and Component YAML, of this project's API or of the original Go operator's
 * v1alpha1, into the model, and reports what could not be carried over.
 *
 * <p>The dialect is decided per document from what it contains (a {@code cluster.type}, a list
 * under {@code spec.metrics}, a string criterion value, a component without a category...): both
 * use the apiVersion {@value Experiment#API_VERSION}. Documents of this API are read as they are,
 * strictly: an unknown field is an error. Documents of the original are mapped field by field; a
 * field that cannot be carried over is removed and reported as a warning naming its path and why,
 * never dropped silently. Every object is then checked by {@link Validator}.
 *
 * <p>Nothing here throws on bad input: malformed YAML, unknown kinds and wrong types each become
 * one {@link Problem}, and every problem is collected, not only the first.
 */
public final class Importer {

  private Importer() {}

  /**
   * Imports one file, or the YAML files of a folder together (see {@link #yamlFiles}); the category
   * of an original component is derived from its path.
   */
  public static ImportResult read(Path fileOrFolder) {
    try {
      return read(yamlFiles(fileOrFolder), null);
    } catch (IOException e) {
      Batch batch = new Batch(null);
      batch.fail(fileOrFolder.toString(), "cannot list: " + e.getMessage(), "");
      return batch.result();
    }
  }

  /**
   * Imports YAML text; {@code file} names it in problems and gives the category of an original
   * component ({@code components/<category>/<name>/component.yaml} or {@code
   * <category>--<name>.yaml}).
   */
  public static ImportResult read(String file, String yaml) {
    return read(file, yaml, null);
  }

  /** Imports YAML text; {@code category}, when not null, is the category of original components. */
  public static ImportResult read(String file, String yaml, Category category) {
    Batch batch = new Batch(category);
    batch.add(file, yaml);
    return batch.result();
  }

  /**
   * Imports files together: references from experiments to components among them are checked
   * against those components.
   *
   * @param category when not null, the category of every original component (overrides the path)
   */
  public static ImportResult read(List<Path> files, Category category) {
    Batch batch = new Batch(category);
    for (Path file : files) {
      String name = file.toString();
      try {
        batch.add(name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        batch.fail(name, "no such file", "check the path");
      } catch (CharacterCodingException e) {
        batch.fail(name, "not UTF-8 text", "save the file as UTF-8");
      } catch (IOException e) {
        batch.fail(name, "cannot read: " + e.getMessage(), "");
      }
    }
    return batch.result();
  }

  /**
   * The YAML files ({@code .yaml}, {@code .yml}) of a file or folder, recursively, sorted by path.
   */
  public static List<Path> yamlFiles(Path fileOrFolder) throws IOException {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> walk = Files.walk(fileOrFolder)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".yaml")
                      || p.getFileName().toString().endsWith(".yml"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }
}
