package io.illm.lab.validate;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static io.illm.lab.rules.ProblemAssertions.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.testing.Testing;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static List<Problem> validate(JsonNode experiment) {
    return Validator.validateExperiment("x.yaml", experiment, Testing.componentCatalogue());
  }

  private static List<Problem> with(String path, Object value) {
    ObjectNode experiment = Testing.validExperimentYaml();
    TreePaths.set(experiment, path, LabYaml.reader().valueToTree(value));
    return validate(experiment);
  }

  private static List<Problem> without(String path) {
    ObjectNode experiment = Testing.validExperimentYaml();
    TreePaths.remove(experiment, path);
    return validate(experiment);
  }

  @Test
  void theFixtureIsValid() {
    assertNoProblems(validate(Testing.validExperimentYaml()));
  }

  @Test
  void theModelEntryPointChecksTheSameAsTheTreeOne() throws Exception {
    Experiment experiment = LabYaml.convert(Testing.validExperimentYaml(), Experiment.class);
    assertNoProblems(Validator.validate("x", experiment, Testing.componentCatalogue()));

    experiment.getSpec().getTargets().get(1).setName("app");
    experiment.getSpec().getBudget().setMaxUSD(Double.NaN);
    List<Problem> problems = Validator.validate("x", experiment, Testing.componentCatalogue());
    assertError(problems, "spec.targets[1].name", "target names must be unique");
    assertError(problems, "spec.budget.maxUSD", "budget must be a number >= 0");
  }

  @Test
  void problemsAreSortedAndNameTheFile() {
    ObjectNode experiment = Testing.validExperimentYaml();
    TreePaths.set(experiment, "spec.title", NODES.numberNode(1));
    TreePaths.set(experiment, "kind", NODES.textNode("Experimant"));
    List<Problem> problems = validate(experiment);
    assertEquals(problems.stream().sorted(Problem.ORDER).toList(), problems);
    assertTrue(problems.stream().allMatch(p -> p.file().equals("x.yaml")));
  }

  // ---- header and metadata

  @Test
  void apiVersionAndKindAreOurs() {
    assertError(
        with("apiVersion", "experiments.illm.io/v1"), "apiVersion", "unexpected apiVersion");
    assertError(with("kind", "Experimant"), "kind", "expected kind Experiment");
    assertError(without("apiVersion"), "apiVersion", "apiVersion is missing");
  }

  @Test
  void anExperimentNameIsADnsLabelOfAtMost63() {
    Problem tooLong =
        assertError(
            with("metadata.name", "e".repeat(64)), "metadata.name", "too long (64 characters)");
    assertTrue(tooLong.message().contains("namespace"), tooLong.message());
    assertTrue(tooLong.hint().contains("63"), tooLong.hint());
    assertError(with("metadata.name", "Hello.App"), "metadata.name", "invalid name");
    assertError(without("metadata.name"), "metadata.name", "name is missing");
  }

  @Test
  void namespaceIsADnsLabel() {
    assertError(with("metadata.namespace", "Team_A"), "metadata.namespace", "invalid name");
  }

  @Test
  void labelKeysAndValuesFollowKubernetes() {
    assertError(
        with("metadata.labels['bad key']", "x"), "metadata.labels['bad key']", "invalid key");
    assertError(
        with("metadata.labels['illm.io/series']", "v".repeat(64)),
        "metadata.labels['illm.io/series']",
        "invalid label value");
    assertError(
        with("metadata.labels['Not_A.Domain/x']", "x"),
        "metadata.labels['Not_A.Domain/x']",
        "invalid key");
    assertError(
        with("metadata.annotations.note", 5), "metadata.annotations.note", "must be a string");
  }

  @Test
  void serverSetAndUnknownMetadataFieldsAreErrors() {
    assertError(with("metadata.uid", "1234"), "metadata.uid", "set by the API server");
    assertError(with("metadata.nmae", "x"), "metadata.nmae", "unknown field");
  }

  // ---- structure (the CRD schema)

  @Test
  void anUnknownFieldIsAnErrorAtItsPath() {
    Problem problem =
        assertError(
            with("spec.targets[1].colour", "blue"),
            "spec.targets[1].colour",
            "unknown field \"colour\"");
    assertEquals("remove it or check its spelling", problem.hint());
  }

  @Test
  void aMissingRequiredFieldIsAnErrorAtItsPath() {
    assertError(
        without("spec.workflow.completion.mode"),
        "spec.workflow.completion.mode",
        "required field is missing");
    assertEquals(
        "add claim",
        assertError(without("spec.hypothesis.claim"), "spec.hypothesis.claim", "required field")
            .hint());
  }

  @Test
  void theFieldsAnExperimentCannotRunWithoutAreTheRulesToReport() {
    // RuleOwnedConstraintsTest checks each of them; the rules say it as the DSL and operator do
    assertError(
        without("spec.workflow.template"),
        "spec.workflow.template",
        "the workflow names no WorkflowTemplate");
    assertError(
        without("spec.targets[0].cluster.provider"),
        "spec.targets[0].cluster.provider",
        "target \"app\" has no cluster provider");
  }

  @Test
  void aBadEnumValueListsTheAllowedOnes() {
    Problem problem =
        assertError(
            with("spec.targets[0].cluster.provider", "gcp"),
            "spec.targets[0].cluster.provider",
            "unknown value \"gcp\"");
    assertEquals("allowed: aks, eks, gke, hub", problem.hint());
  }

  @Test
  void aPatternViolationSaysWhatIsAllowed() {
    Problem problem =
        assertError(
            with("spec.targets[1].name", "Load_Gen"),
            "spec.targets[1].name",
            "is not allowed here");
    assertTrue(problem.hint().startsWith("lowercase letters, digits and '-'"), problem.hint());
    assertTrue(
        assertError(
                with("spec.deadlines.running", "2 hours"),
                "spec.deadlines.running",
                "\"2 hours\" is not a duration")
            .hint()
            .contains("1h30m"));
  }

  @Test
  void numbersOutOfRangeSayTheLimit() {
    assertEquals(
        "at least 1",
        assertError(
                with("spec.targets[0].cluster.nodeCount", 0),
                "spec.targets[0].cluster.nodeCount",
                "too small")
            .hint());
    assertEquals(
        "at most 65536",
        assertError(
                with("spec.targets[0].cluster.diskSizeGb", 70000),
                "spec.targets[0].cluster.diskSizeGb",
                "too large")
            .hint());
    assertError(with("spec.budget.maxUSD", -1), "spec.budget.maxUSD", "too small");
  }

  @Test
  void wrongTypesSayWhatWasExpected() {
    assertError(
        with("spec.targets", "app"), "spec.targets", "expected a list, found the string \"app\"");
    assertError(
        with("spec.targets[0].cluster.nodeCount", "three"),
        "spec.targets[0].cluster.nodeCount",
        "expected an integer");
    Problem unquoted =
        assertError(
            with("spec.targets[0].components[0].params['grafana.enabled']", false),
            "spec.targets[0].components[0].params['grafana.enabled']",
            "expected a string, found the boolean false");
    assertEquals("quote it: \"false\"", unquoted.hint());
  }

  @Test
  void requireValidThrowsWithEveryProblemOnErrorsOnly() {
    List<Problem> warnings = List.of(Problem.warning("x", "metadata.name", "w", ""));
    assertEquals(warnings, Validator.requireValid("x", warnings));
    List<Problem> errors = with("spec.targets[1].name", "app");
    InvalidInputException thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class, () -> Validator.requireValid("experiments/tsdb", errors));
    assertEquals(errors, thrown.problems());
    assertTrue(
        thrown.getMessage().contains("spec.targets[1].name: target names must be unique"),
        thrown.getMessage());
  }

  @Test
  void wrongTypesDoNotHideSemanticProblemsElsewhere() {
    ObjectNode experiment = Testing.validExperimentYaml();
    TreePaths.set(experiment, "spec.targets[0].cluster.nodeCount", NODES.textNode("three"));
    TreePaths.set(experiment, "spec.targets[1].depends[0]", NODES.textNode("nowhere"));
    List<Problem> problems = validate(experiment);
    assertError(problems, "spec.targets[0].cluster.nodeCount", "expected an integer");
    assertError(problems, "spec.targets[1].depends[0]", "unknown target \"nowhere\"");
  }

  @Test
  void listSizesAreChecked() {
    assertError(
        with("spec.targets", List.of()), "spec.targets", "an experiment needs at least one target");
    assertError(with("spec.title", "t".repeat(201)), "spec.title", "too long");
  }

  @Test
  void repetitionsAreOneToTwenty() {
    assertError(with("spec.metrics.repetitions", 0), "spec.metrics.repetitions", "");
    assertError(with("spec.metrics.repetitions", 21), "spec.metrics.repetitions", "");
    assertError(
        with("spec.metrics.queries[0].better", "smaller"), "spec.metrics.queries[0].better", "");
    assertNoProblems(with("spec.metrics.repetitions", 20));
  }

  @Test
  void aTargetNameOver63IsTooLong() {
    assertError(with("spec.targets[1].name", "t".repeat(64)), "spec.targets[1].name", "too long");
  }

  // ---- the rules (io.illm.lab.rules, tested there), on the bound document

  @Test
  void theRulesSeeTheCatalogue() {
    Problem problem =
        assertError(
            with("spec.targets[0].components[1].app", "helo-app"),
            "spec.targets[0].components[1].app",
            "unknown component \"helo-app\"");
    assertEquals("did you mean hello-app?", problem.hint());
  }

  @Test
  void theRulesSeeTheExperimentsName() {
    assertWarning(with("metadata.name", "e".repeat(62)), "metadata.name", "Workflow name");
  }

  @Test
  void theRulesCheckDurations() {
    assertError(
        with("spec.deadlines.running", "99999999999999999999h"),
        "spec.deadlines.running",
        "out of range");
    assertError(
        with("spec.qualityGate.recollectDelay", "2min"),
        "spec.qualityGate.recollectDelay",
        "\"2min\" is not a duration");
  }

  // ---- strings that would not survive YAML

  @Test
  void stringsThatDoNotSurviveYamlAreErrors() {
    for (String bad : List.of("a\u0085b", "a\ud800b", "a\udc00b", "\u0085")) {
      Problem problem =
          assertError(with("spec.description", bad), "spec.description", "does not survive YAML");
      assertEquals("remove or replace the character", problem.hint());
    }
    assertError(with("spec.description", "a\u0085b"), "spec.description", "U+0085");
    assertNoProblems(
        with("spec.description", "tabs\tand\nnewlines and emoji \ud83d\ude00 are fine"));
    // escaped by the writer, so they survive: rejecting them would refuse good data
    assertNoProblems(
        with("spec.description", "crlf\r\n bell\u0007 c1\u009b bom\ufeff ls\u2028 ps\u2029"));
  }

  @Test
  void mapKeysAreCheckedToo() {
    assertError(
        with("spec.workflow.params['a\u0085b']", "x"),
        "spec.workflow.params['a\u0085b']",
        "key contains U+0085");
  }
}
