package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.cli.api.LabOutcome;
import io.illm.lab.cli.api.LabRunner;
import io.illm.lab.cli.api.RunOptions;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.TemplateFiles;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment of the catalogue, as {@code @LabExperiment} finds it (no list here: a new
 * scenario is a new case), through the four commands a user runs on it, in order: {@code ./lab
 * synth} writes exactly its committed {@code experiments/<name>/}; {@code ./lab validate} finds
 * nothing wrong in what synth wrote; {@code ./lab render} creates children that each match their
 * upstream schema, and so does the WorkflowTemplate its Workflow runs; {@code ./lab run --instant}
 * reaches Complete on the embedded hub, labelled simulated. Each failure names the scenario and the
 * step.
 */
class WholeCatalogueTest {

  /** The repository root: the committed YAML, components/ and ../shared beside it. */
  private static final Path ROOT = LabCheckout.ROOT;

  /** Kubernetes' own kinds among the children: no CRD to check them against. */
  private static final Set<String> CORE = Set.of("Secret", "ConfigMap");

  private static final Definitions CATALOGUE = Definitions.onClasspath();

  /** Where {@code ./lab synth} wrote the whole catalogue once, for every case. */
  @TempDir static Path synthesized;

  @TempDir static Path results;

  @BeforeAll
  static void synthesizeTheCatalogueOnce() {
    assertEquals(List.of(), CATALOGUE.problems(), "the definitions have problems");
    Command synth = Command.run("synth", "--root", synthesized.toString());
    assertEquals(0, synth.exit(), "./lab synth --root " + synthesized + ": " + synth);
  }

  static Stream<String> scenarios() {
    return CATALOGUE.experiments().stream().map(e -> e.getMetadata().getName()).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void synthValidateRenderAndRun(String name) throws Exception {
    synthesizesItsCommittedYaml(name);
    validatesClean(name);
    rendersChildrenValidUpstream(name);
    runsToCompleteSimulated(name);
  }

  /** (a) the files synth writes for it are the committed ones, byte for byte, and no others. */
  private static void synthesizesItsCommittedYaml(String name) throws IOException {
    Path written = synthesized.resolve("experiments").resolve(name);
    Path committed = ROOT.resolve("experiments").resolve(name);
    assertTrue(Files.isDirectory(written), name + ": synth wrote no " + written);
    assertEquals(
        files(written),
        Files.isDirectory(committed) ? files(committed) : Set.of(),
        name + ": synth: the files of experiments/" + name + "/ (run ./lab synth and commit)");
    for (String file : files(written)) {
      assertEquals(
          Files.readString(committed.resolve(file)),
          Files.readString(written.resolve(file)),
          name + ": synth: experiments/" + name + "/" + file + " is stale (run ./lab synth)");
    }
  }

  /** (b) {@code ./lab validate} on the synthesized folder, with the synthesized components. */
  private static void validatesClean(String name) throws IOException {
    Command validate =
        Command.run(
            "validate",
            synthesized.resolve("experiments").resolve(name).toString(),
            "--catalogue",
            synthesized.resolve("components").toString(),
            "--output",
            "json");
    JsonNode report = LabYaml.json().readTree(validate.out());
    String problems = name + ": validate: " + report.path("problems");
    assertEquals(0, validate.exit(), problems);
    assertTrue(report.path("valid").asBoolean(), problems);
    assertEquals(0, report.path("errors").asInt(), problems);
    assertEquals(0, report.path("warnings").asInt(), problems);
    assertTrue(report.path("documents").asInt() >= 2, name + ": experiment and WorkflowTemplate");
  }

  /**
   * (c) {@code ./lab render}: no problem, and each child (and the WorkflowTemplate its Workflow
   * names) checked against its upstream schema here as well, so an unknown kind cannot pass
   * unchecked.
   */
  private static void rendersChildrenValidUpstream(String name) throws IOException {
    Command render = Command.run("render", name, "--root", ROOT.toString(), "--output", "json");
    JsonNode rendered = LabYaml.json().readTree(render.out());
    String problems = name + ": render: " + rendered.path("problems") + render.err();
    assertEquals(0, render.exit(), problems);
    assertTrue(rendered.path("valid").asBoolean(), problems);
    assertEquals(0, rendered.path("problems").size(), problems);
    Optional<UpstreamSchemas> schemas = UpstreamSchemas.locate(ROOT).map(u -> schemas(u));
    if (schemas.isEmpty()) {
      System.err.println(name + ": render: no shared/upstream-crds, children not checked");
      return;
    }
    List<JsonNode> children = new ArrayList<>();
    rendered.path("objects").forEach(children::add);
    children.add(template(name, children));
    List<Problem> invalid = new ArrayList<>();
    for (JsonNode child : children) {
      String label = name + " " + child.path("kind").asText() + "/" + child.at("/metadata/name");
      if (!CORE.contains(child.path("kind").asText())) {
        assertTrue(schemas.get().knows(child), label + ": no upstream schema knows this kind");
      }
      invalid.addAll(schemas.get().check(label, child));
    }
    assertEquals(List.of(), invalid, name + ": render: children against upstream schemas");
  }

  /** The WorkflowTemplate the rendered Workflow runs, as the catalogue defines it. */
  private static JsonNode template(String name, List<JsonNode> children) {
    List<String> refs =
        children.stream()
            .filter(c -> c.path("kind").asText().equals("Workflow"))
            .map(c -> c.at("/spec/workflowTemplateRef/name").asText())
            .toList();
    assertEquals(1, refs.size(), name + ": render: one Workflow naming its template " + refs);
    Map<String, WorkflowTemplate> placed =
        TemplateFiles.placed(CATALOGUE.experiments(), CATALOGUE.workflowTemplates());
    return placed.values().stream()
        .filter(t -> t.getMetadata().getName().equals(refs.get(0)))
        .findFirst()
        .<JsonNode>map(t -> LabYaml.json().valueToTree(t))
        .orElseGet(() -> fail(name + ": no WorkflowTemplate named " + refs.get(0)));
  }

  /** (d) {@code ./lab run NAME --instant}: Complete on the embedded hub, and says simulated. */
  private static void runsToCompleteSimulated(String name) throws InterruptedException {
    Experiment experiment =
        CATALOGUE.experiments().stream()
            .filter(e -> e.getMetadata().getName().equals(name))
            .findFirst()
            .orElseThrow();
    LabOutcome outcome =
        LabRunner.run(experiment, RunOptions.defaults().root(ROOT).results(results));
    assertTrue(outcome.complete(), name + ": run --instant did not complete:\n" + outcome);
    assertEquals(
        Boolean.TRUE, outcome.experiment().getStatus().getSimulated(), name + ": status.simulated");
    assertTrue(
        outcome
            .summary()
            .orElseThrow(() -> new AssertionError(name + ": no summary.json"))
            .simulated(),
        name + ": summary.json says simulated");
  }

  private static UpstreamSchemas schemas(Path upstream) {
    return new UpstreamSchemas(upstream, ROOT);
  }

  private static SortedSet<String> files(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  /** One {@code ./lab} command in this process: its exit code, standard output and error. */
  private record Command(int exit, String out, String err) {
    static Command run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
              .execute(args);
      return new Command(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n" + err;
    }
  }
}
