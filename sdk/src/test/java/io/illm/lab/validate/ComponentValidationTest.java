package io.illm.lab.validate;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static io.illm.lab.rules.ProblemAssertions.assertWarning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Component;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Validator#validateComponent} and {@link Validator#validate(String, Component)}. */
class ComponentValidationTest {

  private static List<Problem> with(String component, String path, Object value) {
    ObjectNode document = Fixtures.component(component);
    TreePaths.set(document, path, LabYaml.reader().valueToTree(value));
    return Validator.validateComponent("c.yaml", document);
  }

  @Test
  void theCatalogueFixturesAreValid() throws Exception {
    for (String name : List.of("kube-prometheus-stack", "hello-app", "k6-load", "metrics-agent")) {
      assertNoProblems(Validator.validateComponent("c.yaml", Fixtures.component(name)));
      assertNoProblems(
          Validator.validate("c.yaml", LabYaml.convert(Fixtures.component(name), Component.class)));
    }
  }

  @Test
  void aSourceIsAChartOrAPathNotBoth() {
    assertError(
        with("hello-app", "spec.sources[0].chart", "hello"),
        "spec.sources[0]",
        "a source is a Helm chart (chart) or a Git path (path), not both");
  }

  @Test
  void theSchemaAppliesToComponents() {
    assertError(
        with("hello-app", "spec.category", "app"), "spec.category", "unknown value \"app\"");
    assertError(
        with("hello-app", "spec.sources[0].repoURL", "github.com/x"),
        "spec.sources[0].repoURL",
        "not allowed");
    assertError(
        with("hello-app", "spec.sources[0].branch", "main"),
        "spec.sources[0].branch",
        "unknown field");
    assertError(with("hello-app", "kind", "Experiment"), "kind", "expected kind Component");
  }

  @Test
  void aComponentNameIsADnsSubdomain() {
    assertError(with("hello-app", "metadata.name", "Hello_App"), "metadata.name", "invalid name");
    assertWarning(
        with("hello-app", "metadata.name", "hello.app"),
        "metadata.name",
        "experiments cannot reference");
    assertNoProblems(with("hello-app", "metadata.name", "hello-app-2"));
  }

  @Test
  void aNamespaceOnAClusterScopedComponentIsAWarning() {
    assertWarning(
        with("hello-app", "metadata.namespace", "default"), "metadata.namespace", "cluster-scoped");
  }
}
