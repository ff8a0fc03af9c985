package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue row's checks: the synth wrote the committed catalogue, the baseline its input. */
class CatalogueWorkloadTest {

  private static final String EXPERIMENT =
      "apiVersion: experiments.illm.io/v1alpha1\nkind: Experiment\nmetadata:\n  name: a\n";
  private static final String COMPONENT =
      "apiVersion: experiments.illm.io/v1alpha1\nkind: Component\nmetadata:\n  name: c\n";

  @TempDir Path dir;

  @Test
  void theSynthsOutputMustBeTheCommittedCatalogueByteForByte() throws IOException {
    Path repo = catalogue(dir.resolve("repo"));
    CatalogueWorkload workload = new CatalogueWorkload(repo, "unused");
    Path out = catalogue(dir.resolve("out"));
    assertEquals(List.of(), workload.synthProblems(out));
    assertEquals("1 experiments, 1 components", workload.size());

    Files.writeString(out.resolve("experiments/a/experiment.yaml"), EXPERIMENT + "# other\n");
    assertEquals(
        List.of("experiments/a/experiment.yaml: synth wrote other bytes than the committed file"),
        workload.synthProblems(out));
    Files.delete(out.resolve("components/core/c.yaml"));
    assertTrue(
        workload.synthProblems(out).get(1).startsWith("components/: synth wrote 0 files, 1 are"),
        workload.synthProblems(out).toString());
  }

  @Test
  void theBaselineCopiesEveryDocumentAsTheSameData(@TempDir Path input) throws IOException {
    Path repo = catalogue(dir.resolve("repo"));
    new CatalogueWorkload(repo, "unused").copyInput(input);
    Path out = dir.resolve("baseline");
    assertEquals(2, JacksonCatalogueMain.copy(input, out));
    assertEquals(List.of(), CatalogueWorkload.baselineProblems(input, out));

    Files.writeString(out.resolve("components/core/c.yaml"), COMPONENT.replace("c\n", "d\n"));
    Files.delete(out.resolve("experiments/a/experiment.yaml"));
    assertEquals(
        List.of(
            "components/core/c.yaml: written with other data",
            "experiments/a/experiment.yaml: not written"),
        CatalogueWorkload.baselineProblems(input, out));
  }

  @Test
  void withoutAPackagedDslExamplesItSaysHowToBuildIt() {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> CatalogueWorkload.of(dir));
    assertTrue(e.getMessage().contains("-pl benchmarks,dsl-examples -am package"), e.getMessage());
  }

  @Test
  void catalogueOnlyIsAnOption() {
    assertTrue(
        BenchmarkOptions.parse(new String[] {"--catalogue-only", "--runs", "1"}).catalogueOnly());
    assertEquals(false, BenchmarkOptions.parse(new String[] {"15"}).catalogueOnly());
  }

  private static Path catalogue(Path root) throws IOException {
    Files.createDirectories(root.resolve("experiments/a"));
    Files.createDirectories(root.resolve("components/core"));
    Files.writeString(root.resolve("experiments/a/experiment.yaml"), EXPERIMENT);
    Files.writeString(root.resolve("components/core/c.yaml"), COMPONENT);
    return root;
  }
}
