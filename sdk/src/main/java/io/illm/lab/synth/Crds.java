package io.illm.lab.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CRDs of the model, as committed in {@code generated-crds/}.
 *
 * <p>fabric8's crd-generator writes them at build time from the model classes; this class reads
 * that output from the classpath and puts the printer columns back in the order the classes declare
 * them (the generator sorts them by JSON path, which would put Age before Phase in {@code kubectl
 * get}).
 *
 * <p>The sdk's build runs {@link #main} right after the generator, so the finished files are on the
 * classpath too ({@link #BUILT}) and {@link #files} only reads them: parsing and writing the 47 KB
 * again took a third of a 15-experiment synth's time in a fresh JVM (benchmarks/README.md). Without
 * them (classes compiled by an IDE alone), the files are made here as the build makes them.
 */
public final class Crds {

  /** The folder, relative to the repository root, the CRDs are committed in. */
  public static final String FOLDER = "generated-crds";

  /** Where the build keeps the finished files on the classpath. */
  static final String BUILT = "META-INF/illm-lab/" + FOLDER + "/";

  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(Component.class, Experiment.class);

  private Crds() {}

  /** The generated CRD of a kind, as a tree, printer columns in declaration order. */
  public static JsonNode crd(Class<? extends HasMetadata> kind) {
    String plural = HasMetadata.getPlural(kind);
    String resource = "META-INF/fabric8/" + plural + "." + HasMetadata.getGroup(kind) + "-v1.yml";
    try (InputStream in = Crds.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the classpath: build the sdk module first");
      }
      JsonNode tree = LabYaml.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      orderPrinterColumns(tree, kind);
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every CRD file: path relative to the repository root to content (header included), sorted. */
  public static Map<String, String> files() {
    Map<String, String> files = new TreeMap<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      String built = resource(BUILT + fileName(kind));
      files.put(FOLDER + "/" + fileName(kind), built != null ? built : made(kind));
    }
    return files;
  }

  /** The files as {@link #files} would make them without the build's copies. */
  static Map<String, String> made() {
    Map<String, String> files = new TreeMap<>();
    KINDS.forEach(kind -> files.put(FOLDER + "/" + fileName(kind), made(kind)));
    return files;
  }

  /**
   * Writes the finished files into {@code args[0]} (the build's classes folder) under {@link
   * #BUILT}; the sdk's build runs it after the crd-generator.
   */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]).resolve(BUILT);
    Files.createDirectories(folder);
    for (Class<? extends HasMetadata> kind : KINDS) {
      Files.writeString(folder.resolve(fileName(kind)), made(kind), StandardCharsets.UTF_8);
    }
  }

  private static String fileName(Class<? extends HasMetadata> kind) {
    return HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind) + ".yaml";
  }

  private static String made(Class<? extends HasMetadata> kind) {
    return Synth.header("the model classes (io.illm.lab.model)") + LabYaml.write(crd(kind));
  }

  private static String resource(String name) {
    try (InputStream in = Crds.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void orderPrinterColumns(JsonNode crd, Class<?> kind) {
    List<String> declared =
        Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    for (JsonNode version : crd.path("spec").path("versions")) {
      JsonNode columns = version.get("additionalPrinterColumns");
      if (columns == null || !columns.isArray()) {
        continue;
      }
      List<JsonNode> sorted = new ArrayList<>();
      columns.forEach(sorted::add);
      sorted.sort(
          (a, b) ->
              Integer.compare(
                  rank(declared, a.path("name").asText()),
                  rank(declared, b.path("name").asText())));
      ArrayNode reordered = ((ObjectNode) version).putArray("additionalPrinterColumns");
      sorted.forEach(reordered::add);
    }
  }

  private static int rank(List<String> declared, String name) {
    int index = declared.indexOf(name);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
