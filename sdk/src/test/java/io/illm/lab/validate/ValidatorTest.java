package io.illm.lab.validate;

import static io.illm.lab.validate.ProblemAssertions.assertError;
import static io.illm.lab.validate.ProblemAssertions.assertNoProblems;
import static io.illm.lab.validate.ProblemAssertions.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static List<Problem> validate(JsonNode experiment) {
    return Validator.validateExperiment("x.yaml", experiment, Fixtures.catalogue());
  }

  private static List<Problem> with(String path, Object value) {
    ObjectNode experiment = Fixtures.validExperiment();
    TreePaths.set(experiment, path, LabYaml.reader().valueToTree(value));
    return validate(experiment);
  }

  private static List<Problem> without(String path) {
    ObjectNode experiment = Fixtures.validExperiment();
    TreePaths.remove(experiment, path);
    return validate(experiment);
  }

  @Test
  void theFixtureIsValid() {
    assertNoProblems(validate(Fixtures.validExperiment()));
  }

  @Test
  void theModelEntryPointChecksTheSameAsTheTreeOne() throws Exception {
    Experiment experiment = LabYaml.convert(Fixtures.validExperiment(), Experiment.class);
    assertNoProblems(Validator.validate("x", experiment, Fixtures.catalogue()));

    experiment.getSpec().getTargets().get(1).setName("app");
    experiment.getSpec().getBudget().setMaxUSD(Double.NaN);
    List<Problem> problems = Validator.validate("x", experiment, Fixtures.catalogue());
    assertError(problems, "spec.targets[1].name", "target names must be unique");
    assertError(problems, "spec.budget.maxUSD", "budget must be a number >= 0");
  }

  @Test
  void problemsAreSortedAndNameTheFile() {
    ObjectNode experiment = Fixtures.validExperiment();
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
        without("spec.workflow.template"), "spec.workflow.template", "required field is missing");
    assertError(
        without("spec.targets[0].cluster.provider"),
        "spec.targets[0].cluster.provider",
        "required field");
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
                with("spec.deadlines.running", "2 hours"), "spec.deadlines.running", "not allowed")
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
    ObjectNode experiment = Fixtures.validExperiment();
    TreePaths.set(experiment, "spec.targets[0].cluster.nodeCount", NODES.textNode("three"));
    TreePaths.set(experiment, "spec.targets[1].depends[0]", NODES.textNode("nowhere"));
    List<Problem> problems = validate(experiment);
    assertError(problems, "spec.targets[0].cluster.nodeCount", "expected an integer");
    assertError(problems, "spec.targets[1].depends[0]", "unknown target \"nowhere\"");
  }

  @Test
  void listSizesAreChecked() {
    assertError(with("spec.targets", List.of()), "spec.targets", "too few items (0)");
    assertError(with("spec.title", "t".repeat(201)), "spec.title", "too long");
  }

  // ---- targets and depends (CEL twins)

  @Test
  void targetNamesAreUnique() {
    assertError(
        with("spec.targets[1].name", "app"), "spec.targets[1].name", "target names must be unique");
  }

  @Test
  void dependsNameAnotherExistingTarget() {
    Problem unknown =
        assertError(
            with("spec.targets[1].depends[0]", "ap"),
            "spec.targets[1].depends[0]",
            "unknown target \"ap\"");
    assertEquals("targets: app, loadgen", unknown.hint());
    assertError(
        with("spec.targets[1].depends[0]", "loadgen"),
        "spec.targets[1].depends[0]",
        "cannot depend on itself");
  }

  @Test
  void aDependsCycleIsReportedOnceWithItsPath() {
    List<Problem> problems = with("spec.targets[0].depends", List.of("loadgen"));
    assertError(
        problems, "spec.targets[0].depends[0]", "depends form a cycle: app -> loadgen -> app");
    assertEquals(
        1,
        problems.stream().filter(p -> p.message().contains("cycle")).count(),
        ProblemAssertions.show(problems));
  }

  @Test
  void aLongerCycleNamesEveryTarget() {
    ObjectNode experiment = Fixtures.validExperiment();
    ObjectNode third = ((ObjectNode) TreePaths.get(experiment, "spec.targets[1]")).deepCopy();
    third.put("name", "db");
    third.putArray("depends").add("loadgen");
    ((com.fasterxml.jackson.databind.node.ArrayNode) experiment.path("spec").path("targets"))
        .add(third);
    TreePaths.set(experiment, "spec.targets[0].depends", NODES.arrayNode().add("db"));
    assertError(validate(experiment), "spec.targets[0].depends[0]", "app -> db -> loadgen -> app");
  }

  // ---- clusters (CEL twins)

  @Test
  void aHubTargetHasNoMachineShape() {
    assertError(
        with("spec.targets[1].cluster.machineType", "e2-medium"),
        "spec.targets[1].cluster.machineType",
        "a hub target uses the hub cluster as it is");
    assertError(
        with("spec.targets[1].cluster.preemptible", true),
        "spec.targets[1].cluster.preemptible",
        "hub");
  }

  @Test
  void zoneIsForGkeOnly() {
    assertError(
        with("spec.targets[0].cluster.provider", "eks"),
        "spec.targets[0].cluster.zone",
        "zone applies to gke only");
  }

  @Test
  void zoneAndRegionAreNotBothSet() {
    assertError(
        with("spec.targets[0].cluster.region", "us-central1"),
        "spec.targets[0].cluster",
        "set zone (zonal cluster) or region (regional cluster), not both");
  }

  // ---- metrics and criteria (CEL twins)

  @Test
  void criteriaNameAKnownMetric() {
    Problem problem =
        assertError(
            with("spec.hypothesis.successCriteria[0].metric", "memory_totl"),
            "spec.hypothesis.successCriteria[0].metric",
            "must name a metric in metrics.queries");
    assertEquals("did you mean memory_total?", problem.hint());
    assertError(
        without("spec.metrics"), "spec.hypothesis.successCriteria[0].metric", "unknown metric");
  }

  @Test
  void criteriaNameAKnownTarget() {
    assertError(
        with("spec.hypothesis.successCriteria[0].target", "db"),
        "spec.hypothesis.successCriteria[0].target",
        "unknown target \"db\"");
  }

  @Test
  void metricNamesAreUnique() {
    assertError(
        with("spec.metrics.queries[1].name", "memory_total"),
        "spec.metrics.queries[1].name",
        "metric names must be unique");
  }

  @Test
  void betterOnAnExperimentWideMetricIsAWarning() {
    assertWarning(
        with("spec.metrics.queries[1].better", "lower"),
        "spec.metrics.queries[1].better",
        "no targets are compared on it");
    ObjectNode perTarget = Fixtures.validExperiment();
    TreePaths.set(perTarget, "spec.metrics.queries[1].perTarget", NODES.booleanNode(true));
    TreePaths.set(perTarget, "spec.metrics.queries[1].better", NODES.textNode("higher"));
    assertNoProblems(validate(perTarget));
  }

  @Test
  void repetitionsAreOneToTwenty() {
    assertError(with("spec.metrics.repetitions", 0), "spec.metrics.repetitions", "");
    assertError(with("spec.metrics.repetitions", 21), "spec.metrics.repetitions", "");
    assertError(
        with("spec.metrics.queries[0].better", "smaller"), "spec.metrics.queries[0].better", "");
    assertNoProblems(with("spec.metrics.repetitions", 20));
  }

  // ---- component references

  @Test
  void aReferenceSetsExactlyOneOfAppWorkflowConfig() {
    assertError(
        with("spec.targets[0].components[1].config", "hello-app"),
        "spec.targets[0].components[1]",
        "set exactly one of app, workflow and config");
    ObjectNode experiment = Fixtures.validExperiment();
    TreePaths.remove(experiment, "spec.targets[0].components[1].app");
    assertError(validate(experiment), "spec.targets[0].components[1]", "set exactly one");
  }

  @Test
  void anUnknownComponentSuggestsCloseNames() {
    Problem problem =
        assertError(
            with("spec.targets[0].components[1].app", "helo-app"),
            "spec.targets[0].components[1].app",
            "unknown component \"helo-app\"");
    assertEquals("did you mean hello-app?", problem.hint());
  }

  @Test
  void theReferenceKindMatchesTheComponentType() {
    ObjectNode experiment = Fixtures.validExperiment();
    TreePaths.remove(experiment, "spec.targets[1].components[0].workflow");
    TreePaths.set(experiment, "spec.targets[1].components[0].app", NODES.textNode("k6-load"));
    Problem problem =
        assertError(
            validate(experiment),
            "spec.targets[1].components[0].app",
            "is of type workflow, not app");
    assertEquals("reference it with workflow: k6-load", problem.hint());
  }

  @Test
  void paramsNeedAHelmSource() {
    assertError(
        with("spec.targets[0].components[1].params", java.util.Map.of("replicas", "3")),
        "spec.targets[0].components[1].params",
        "has no Helm source, so params would be ignored");
  }

  @Test
  void paramsMatchTheirDeclaredType() {
    Problem problem =
        assertError(
            with("spec.targets[0].components[0].params['grafana.enabled']", "yes"),
            "spec.targets[0].components[0].params['grafana.enabled']",
            "\"yes\" is not a bool");
    assertEquals("true or false", problem.hint());
  }

  @Test
  void requiredParametersAreSet() {
    assertError(
        with("spec.targets[0].components[2]", java.util.Map.of("app", "metrics-agent")),
        "spec.targets[0].components[2].params",
        "required parameter \"cluster\" is not set");
  }

  // ---- cleanup, deadlines, budget

  @Test
  void retainForOnlyWithRetain() {
    assertError(
        with("spec.cleanup.onFailure.retainFor", "1h"),
        "spec.cleanup.onFailure.retainFor",
        "retainFor applies to action retain only");
  }

  @Test
  void retainForIsAtMostAWeek() {
    Problem problem =
        assertError(
            with("spec.cleanup.onComplete.retainFor", "169h"),
            "spec.cleanup.onComplete.retainFor",
            "longer than 168h");
    assertTrue(problem.hint().contains("at most 168h"));
    assertNoProblems(with("spec.cleanup.onComplete.retainFor", "168h"));
  }

  @Test
  void durationsParse() {
    assertError(
        with("spec.deadlines.running", "99999999999999999999h"),
        "spec.deadlines.running",
        "out of range");
    assertError(with("spec.deadlines.running", "0s"), "spec.deadlines.running", "longer than 0s");
    assertError(
        with("spec.qualityGate.recollectDelay", "2min"),
        "spec.qualityGate.recollectDelay",
        "not allowed");
  }

  @Test
  void aPhaseDeadlineIsNotLongerThanTotal() {
    assertError(
        with("spec.deadlines.running", "5h"), "spec.deadlines.running", "longer than total (4h)");
    ObjectNode experiment = Fixtures.validExperiment();
    TreePaths.remove(experiment, "spec.deadlines.total");
    TreePaths.set(experiment, "spec.deadlines.provisioning", NODES.textNode("7h"));
    assertError(
        validate(experiment), "spec.deadlines.provisioning", "longer than the default total (6h)");
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

  // ---- derived names

  @Test
  void aClusterNameOver29CharactersIsShortenedWithAWarning() {
    String name = "a-rather-long-experiment-name"; // 29 characters: "<name>-app" does not fit
    Problem problem =
        assertWarning(with("metadata.name", name), "spec.targets[0].name", "cluster name");
    assertTrue(
        problem
            .message()
            .contains(io.illm.lab.model.names.ExperimentNames.clusterName(name, "app")),
        problem.message());
  }

  @Test
  void aHubTargetGetsNoClusterNameWarning() {
    List<Problem> problems = with("metadata.name", "a-rather-long-experiment-name");
    assertTrue(
        problems.stream().noneMatch(p -> p.path().equals("spec.targets[1].name")),
        ProblemAssertions.show(problems));
  }

  @Test
  void aLongWorkflowNameIsShortenedWithAWarning() {
    assertWarning(with("metadata.name", "e".repeat(62)), "metadata.name", "Workflow name");
  }

  @Test
  void componentsWhoseApplicationsWouldShareANameAreAnError() {
    assertError(
        with("spec.targets[0].components[1].app", "kube-prometheus-stack"),
        "spec.targets[0].components[1]",
        "Application name \"tsdb-comparison-app-kube-prometheus-stack\" is also derived for spec.targets[0].components[0]");
  }

  @Test
  void aTargetNameOver63CannotBeShortened() {
    assertError(with("spec.targets[1].name", "t".repeat(64)), "spec.targets[1].name", "too long");
  }
}
