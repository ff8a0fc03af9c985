package io.illm.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.DryRun;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.RealServer;
import io.illm.lab.rules.Problem;
import io.illm.lab.testing.Testing;
import io.illm.lab.validate.ValidatorPropertiesTest.Corrupted;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Differential validation: {@code ./lab validate} (the sdk's {@link Validator} and {@link
 * FileValidator}) and a real kube-apiserver with the generated CRDs (server-side dry-run create,
 * strict field validation, what {@code kubectl create --dry-run=server} sends) judge the same
 * documents. Valid ones pass both. Each single-field corruption of {@link Corruptions} is an error
 * for validate and, where the CRD itself carries the rule, a refusal of the server at the same
 * field or an object enclosing it; where only validate can check it (another object, or meaning
 * beyond the schema) the server accepts it, which keeps the list in docs/validation.md true. A rule
 * on which the two disagree fails here.
 */
@ExtendWith(RealServer.class)
class DifferentialValidationTest {

  private static final String NS = "differential";
  private static final int EXAMPLES = 400;

  /** The examples' seed (reproducible runs); {@code -Ddifferential.seed=N} explores others. */
  private static final long SEED = Long.getLong("differential.seed", 20261204L);

  /** Rules the CRD cannot carry: validate alone checks them (docs/validation.md lists them). */
  static final Set<String> VALIDATE_ONLY =
      Set.of(
          "depends cycle",
          "deadline over total",
          "retainFor over a week",
          "unknown component",
          "params on a component without Helm",
          "bad string code point");

  private static DryRun server;
  private static Crd crd;

  @BeforeAll
  static void start(ControlPlane plane) {
    plane.namespaces(NS);
    server = new DryRun(plane.admin());
    crd = Crd.experiments();
  }

  @Test
  void everyCorruptionIsClassified() {
    Set<String> names = new TreeSet<>();
    Corruptions.all().forEach(c -> names.add(c.name()));
    assertTrue(names.containsAll(VALIDATE_ONLY), "VALIDATE_ONLY names corruptions that exist");
  }

  @Test
  void theLabsOwnExperimentsAndComponentsPassBoth() {
    Path root = KubeBinaries.ROOT;
    ValidationReport report =
        new FileValidator(root)
            .validate(
                List.of(root.resolve("experiments"), root.resolve("components")),
                List.of(root.resolve("components")));
    assertEquals(List.of(), report.problems().stream().filter(Problem::isError).toList());
    for (Path file :
        LabCheckout.yamlFiles(root.resolve("experiments")).stream()
            .filter(f -> f.endsWith("experiment.yaml"))
            .toList()) {
      assertAccepted(file.toString(), tree(file));
    }
    for (Path file : LabCheckout.yamlFiles(root.resolve("components"))) {
      assertAccepted(file.toString(), tree(file));
    }
  }

  @Test
  void generatedValidExperimentsPassBoth() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(ExperimentGenerators.experiments())
        .checkAssert(
            experiment -> {
              JsonNode tree = LabYaml.writer().valueToTree(experiment);
              List<Problem> problems =
                  Validator.validateExperiment("gen", tree, ExperimentGenerators.catalogue());
              assertEquals(List.of(), problems, () -> LabYaml.write(tree));
              assertAccepted(LabYaml.write(tree), tree);
            });
  }

  @Test
  void everyCorruptionIsAnErrorForValidateAndForTheServerWhereItsCrdCarriesTheRule() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(ValidatorPropertiesTest.corrupted())
        .checkAssert(DifferentialValidationTest::judgedAlike);
  }

  @Test
  void everyCelRuleIsEnforcedByTheServerAsItsTwinIsByValidate() {
    CelDocumentTwinsTest.CASES.forEach(
        (message, c) -> {
          ObjectNode broken =
              c.breakIt()
                  .apply(
                      c.component()
                          ? Testing.componentYaml("kube-prometheus-stack")
                          : Testing.validExperimentYaml());
          DryRun.Verdict verdict = server.create(broken, NS);
          assertTrue(
              !verdict.accepted() && verdict.message().contains(message),
              () -> message + ": the server said " + verdict);
        });
  }

  @Test
  void theBadFilesOfOurKindsAreRefusedByBoth() {
    for (String name : List.of("unknown-field.yaml", "wrong-types.yaml")) {
      JsonNode document = Testing.documents("bad/" + name).get(0);
      List<Problem> problems =
          Validator.validateExperiment(name, document, ExperimentGenerators.catalogue());
      assertTrue(problems.stream().anyMatch(Problem::isError), name + ": validate found nothing");
      DryRun.Verdict verdict = server.create(document, NS);
      assertTrue(!verdict.accepted(), name + ": the server accepted it");
    }
  }

  private static void judgedAlike(Corrupted c) {
    List<Problem> problems =
        Validator.validateExperiment("gen", c.tree(), ExperimentGenerators.catalogue());
    assertTrue(
        problems.stream().anyMatch(p -> p.isError() && p.path().equals(c.path())),
        () -> "validate found no error at " + c.path() + " for " + c);
    if (c.path().equals("metadata.namespace")) {
      return; // the namespace is the request's: a corrupted one is not the server's to judge
    }
    DryRun.Verdict verdict = server.create(c.tree(), NS);
    boolean validateOnly = VALIDATE_ONLY.contains(c.corruption());
    if (c.corruption().equals("bad string code point") && crd.constrains(c.path())) {
      return; // the server judges the changed value by the field's own pattern or reference rule
    }
    if (validateOnly) {
      assertTrue(
          verdict.accepted(),
          () -> "the server refused a validate-only rule: " + verdict + " for " + c);
      return;
    }
    assertTrue(!verdict.accepted(), () -> "the server accepted " + c);
    // "<nil>" is the root (an Experiment-level rule), or the note that some rules went unchecked
    List<String> fields = verdict.fields().stream().filter(f -> !f.equals("<nil>")).toList();
    assertTrue(
        fields.isEmpty() || fields.stream().anyMatch(f -> encloses(f, c.path())),
        () -> "the server refused at " + verdict.fields() + ", validate at " + c.path());
  }

  /** Whether the server's field is the validator's path or an object around it. */
  private static boolean encloses(String field, String path) {
    return path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
  }

  private static void assertAccepted(String what, JsonNode document) {
    DryRun.Verdict verdict = server.create(document, NS);
    assertTrue(verdict.accepted(), () -> what + ": the server refused it: " + verdict);
  }

  /** Helpers over the generated Experiment CRD's schema. */
  record Crd(JsonNode schema) {
    static Crd experiments() {
      JsonNode file =
          tree(KubeBinaries.ROOT.resolve("generated-crds/experiments.experiments.illm.io.yaml"));
      return new Crd(file.at("/spec/versions/0/schema/openAPIV3Schema"));
    }

    /**
     * Whether the field at {@code path} has a pattern or an enum, names a target (a rule checks
     * it), or is metadata (the server's own rules).
     */
    boolean constrains(String path) {
      if (path.startsWith("metadata.") || path.contains(".depends[")) {
        return true;
      }
      JsonNode node = schema;
      for (String step : path.split("\\.|(?=\\[)")) {
        if (step.startsWith("[")) {
          node = node.path("items");
        } else if (node.path("properties").has(step)) {
          node = node.path("properties").path(step);
        } else {
          node = node.path("additionalProperties");
        }
      }
      return node.has("pattern") || node.has("enum");
    }
  }

  private static JsonNode tree(Path file) {
    try {
      return LabYaml.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
