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
 */
public final class Crds {

  /** The folder, relative to the repository root, the CRDs are committed in. */
  public static final String FOLDER = "generated-crds";

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
      String name = HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind) + ".yaml";
      files.put(
          FOLDER + "/" + name,
          Synth.header("the model classes (io.illm.lab.model)") + LabYaml.write(crd(kind)));
    }
    return files;
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
