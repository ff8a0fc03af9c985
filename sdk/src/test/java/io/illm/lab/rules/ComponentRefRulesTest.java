package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ExperimentSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Component references, through {@link ExperimentRules}: their shape, then the catalogue. */
class ComponentRefRulesTest {

  private static List<Problem> with(Consumer<ExperimentSpec> change) {
    return with(change, Specs.catalogue());
  }

  private static List<Problem> with(Consumer<ExperimentSpec> change, KnownComponents known) {
    ExperimentSpec spec = Specs.valid();
    change.accept(spec);
    return ExperimentRules.check(Specs.NAME, spec, known);
  }

  private static ComponentRef ref(ExperimentSpec spec, int target, int component) {
    return spec.getTargets().get(target).getComponents().get(component);
  }

  @Test
  void theFixtureIsValidAgainstItsCatalogue() {
    assertNoProblems(with(s -> {}));
  }

  @Test
  void aReferenceSetsExactlyOneOfAppWorkflowConfig() {
    assertError(
        with(s -> ref(s, 0, 1).setConfig("hello-app")),
        "spec.targets[0].components[1]",
        "set exactly one of app, workflow and config");
    Problem none =
        assertError(
            with(s -> ref(s, 0, 1).setApp(null)),
            "spec.targets[0].components[1]",
            "set exactly one");
    assertEquals("name the component with app: <name>", none.hint());
  }

  @Test
  void theShapeIsCheckedWithoutACatalogue() {
    assertError(
        ExperimentRules.check(Specs.NAME, spec(s -> ref(s, 0, 1).setConfig("x"))),
        "spec.targets[0].components[1]",
        "set exactly one");
    assertError(
        ExperimentRules.check(Specs.NAME, spec(s -> ref(s, 0, 1).setApp(" "))),
        "spec.targets[0].components[1].app",
        "the component name is empty");
  }

  @Test
  void anUnknownComponentSuggestsCloseNames() {
    Problem problem =
        assertError(
            with(s -> ref(s, 0, 1).setApp("helo-app")),
            "spec.targets[0].components[1].app",
            "unknown component \"helo-app\"");
    assertEquals("did you mean hello-app?", problem.hint());
  }

  @Test
  void aPartialViewLeavesNamesItDoesNotKnowToTheWholeCatalogue() {
    KnownComponents partial =
        new KnownComponents() {
          @Override
          public Optional<ComponentSpec> spec(String name) {
            return Specs.catalogue().spec(name);
          }

          @Override
          public Collection<String> names() {
            return Specs.catalogue().names();
          }

          @Override
          public boolean complete() {
            return false;
          }
        };
    assertNoProblems(with(s -> ref(s, 0, 1).setApp("imported"), partial));
    assertError(
        with(s -> ref(s, 0, 1).setParams(Map.of("replicas", "3")), partial),
        "spec.targets[0].components[1].params",
        "has no Helm source");
  }

  @Test
  void aKnownComponentWithoutSpecIsNotUnknown() {
    Map<String, ComponentSpec> specs = new TreeMap<>();
    specs.put("hello-app", null);
    assertNoProblems(
        ExperimentRules.references(
            spec(
                s -> {
                  s.getTargets().get(0).getComponents().remove(0);
                  s.getTargets().get(1).setComponents(null);
                }),
            KnownComponents.of(specs)));
  }

  @Test
  void theReferenceKindMatchesTheComponentType() {
    Problem problem =
        assertError(
            with(
                s -> {
                  ref(s, 1, 0).setWorkflow(null);
                  ref(s, 1, 0).setApp("k6-load");
                }),
            "spec.targets[1].components[0].app",
            "is of type workflow, not app");
    assertEquals("reference it with workflow: k6-load", problem.hint());
  }

  @Test
  void paramsNeedAHelmSource() {
    assertError(
        with(s -> ref(s, 0, 1).setParams(Map.of("replicas", "3"))),
        "spec.targets[0].components[1].params",
        "component \"hello-app\" has no Helm source, so params would be ignored");
  }

  @Test
  void paramsMatchTheirDeclaredType() {
    Problem problem =
        assertError(
            with(s -> ref(s, 0, 0).setParams(Map.of("grafana.enabled", "yes"))),
            "spec.targets[0].components[0].params['grafana.enabled']",
            "\"yes\" is not a bool");
    assertEquals("true or false", problem.hint());
  }

  @Test
  void requiredParametersAreSet() {
    assertError(
        with(
            s ->
                s.getTargets()
                    .get(0)
                    .getComponents()
                    .add(new ComponentRef("metrics-agent", null, null, null))),
        "spec.targets[0].components[2].params",
        "required parameter \"cluster\" is not set");
  }

  private static ExperimentSpec spec(Consumer<ExperimentSpec> change) {
    ExperimentSpec spec = Specs.valid();
    change.accept(spec);
    return spec;
  }
}
