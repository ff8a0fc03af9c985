package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.examples.components.LeftOut;
import io.illm.lab.importer.ImportResult;
import io.illm.lab.importer.Imported;
import io.illm.lab.importer.Importer;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Imports each of the original lab's files ({@code ../shared/conformance/original}, with the import
 * machinery of {@code ./lab import}) and compares it with the catalogue, field by field. Every
 * difference is printed (and written to {@code target/original-differences.txt}): they are the
 * catalogue's intended departures from the original (pinned versions, typed parameters,
 * observability wiring). The test fails on what cannot be intended: an import error, an original
 * component that is neither in the catalogue under its name nor accounted for in {@link LeftOut}, a
 * carried-over entry whose category changed.
 */
class OriginalCatalogueTest {

  /**
   * Scenarios renamed here: the original's name with "-app" exceeds the cluster-name limit
   * (ExperimentNames.MAX_CLUSTER_NAME), which the original hit too.
   */
  private static final Map<String, String> RENAMED =
      Map.of("observability-cost-tutorial", "obs-cost-tutorial");

  private static final String CORPUS = "shared/conformance/original";

  @Test
  void everyOriginalFileIsInTheCatalogueOrAccountedFor() throws Exception {
    ImportResult imported = Importer.read(corpus());
    assertEquals(
        List.of(),
        imported.problems().stream().filter(Problem::isError).toList(),
        "the original imports");
    Definitions found = Definitions.onClasspath();
    Map<String, Component> components = byName(found.components());
    Map<String, Experiment> experiments = byName(found.experiments());
    List<String> report = new ArrayList<>();
    List<String> unaccounted = new ArrayList<>();
    for (Imported file : imported.imported()) {
      String where = Path.of(file.file()).getFileName().toString();
      if (file.object() instanceof Component original) {
        compare(where, original, components, report, unaccounted);
      } else if (file.object() instanceof Experiment original) {
        compare(where, original, experiments, report);
      }
    }
    String text = String.join("\n", report) + "\n";
    System.out.println(text);
    Files.writeString(Path.of("target", "original-differences.txt"), text);
    assertEquals(List.of(), unaccounted, "original components the catalogue does not account for");
  }

  private static void compare(
      String where,
      Component original,
      Map<String, Component> catalogue,
      List<String> report,
      List<String> unaccounted) {
    String name = original.getMetadata().getName();
    LeftOut.Entry entry = LeftOut.of(name);
    String here = entry == null ? name : entry.here();
    Component mine = here == null ? null : catalogue.get(here);
    if (mine == null) {
      if (entry == null) {
        unaccounted.add(where + ": no component " + name + " and no LeftOut entry for it");
      }
      report.add(where + ": left out: " + (entry == null ? "?" : entry.why()));
      return;
    }
    if (mine.getSpec().getCategory() != original.getSpec().getCategory()) {
      unaccounted.add(
          where
              + ": category "
              + original.getSpec().getCategory()
              + " became "
              + mine.getSpec().getCategory());
    }
    List<String> diffs = Leaves.differences(leaves(original), leaves(mine));
    report.add(
        where
            + (here.equals(name) ? "" : " (as " + here + ")")
            + ": "
            + diffs.size()
            + " differences");
    diffs.forEach(d -> report.add("  " + d));
  }

  private static void compare(
      String where, Experiment original, Map<String, Experiment> catalogue, List<String> report) {
    String name = original.getMetadata().getName();
    String here = RENAMED.containsKey(name) ? RENAMED.get(name) : scenario(original, catalogue);
    if (!catalogue.containsKey(here)) {
      // a scenario is named after its folder when its generateName was an abbreviation (gw-comp-)
      here = where.replaceFirst("\\.yaml$", "");
    }
    Experiment mine = catalogue.get(here);
    if (mine == null) {
      report.add(where + ": scenario " + name + " not in the catalogue yet");
      return;
    }
    List<String> diffs =
        Leaves.differences(Leaves.of(original.getSpec()), Leaves.of(mine.getSpec()));
    report.add(
        where
            + (here.equals(name) ? "" : " (as " + here + ")")
            + ": "
            + diffs.size()
            + " differences");
    diffs.forEach(d -> report.add("  " + d));
  }

  /**
   * The catalogue's name for an original scenario: its own, or else the one its WorkflowTemplate
   * gives ({@code <scenario>-validation}), since the original named some runs by a short prefix
   * ({@code generateName: db-dsc-}) that the import takes as the name.
   */
  private static String scenario(Experiment original, Map<String, Experiment> catalogue) {
    String name = original.getMetadata().getName();
    String template =
        original.getSpec().getWorkflow() == null
            ? null
            : original.getSpec().getWorkflow().getTemplate();
    String suffix = "-validation";
    if (catalogue.containsKey(name) || template == null || !template.endsWith(suffix)) {
      return name;
    }
    return template.substring(0, template.length() - suffix.length());
  }

  /**
   * The spec's leaves, defaults written out: no {@code type} is {@code app} and no {@code
   * serviceMonitor} is {@code false}, as the CRD says.
   */
  private static Map<String, String> leaves(Component component) {
    Map<String, String> leaves = Leaves.of(component.getSpec());
    leaves.putIfAbsent("type", "app");
    leaves.putIfAbsent("observability.serviceMonitor", "false");
    return leaves;
  }

  private static <T extends HasMetadata> Map<String, T> byName(List<T> objects) {
    return objects.stream()
        .collect(Collectors.toMap(o -> o.getMetadata().getName(), Function.identity()));
  }

  /** The corpus next to the repository (CI has it); the test is skipped, saying so, without. */
  private static Path corpus() {
    Optional<Path> found = Optional.empty();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(CORPUS))) {
        found = Optional.of(dir.resolve(CORPUS));
        break;
      }
    }
    assumeTrue(found.isPresent(), "no " + CORPUS + " above the working directory (CI has it)");
    return found.get();
  }
}
