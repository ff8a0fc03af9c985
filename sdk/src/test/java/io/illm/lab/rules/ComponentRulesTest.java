package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static io.illm.lab.rules.ProblemAssertions.assertWarning;

import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.ParameterType;
import org.junit.jupiter.api.Test;

class ComponentRulesTest {

  @Test
  void theCatalogueFixturesAreValid() {
    for (String name : Specs.catalogue().names()) {
      assertNoProblems(ComponentRules.check(name, Specs.catalogue().spec(name).orElseThrow()));
    }
  }

  @Test
  void aSourceIsAChartOrAPathNotBoth() {
    ComponentSpec spec = Specs.hello();
    spec.getSources().get(0).setChart("hello");
    assertError(
        ComponentRules.check("c", spec),
        "spec.sources[0]",
        "a source is a Helm chart (chart) or a Git path (path), not both");
  }

  @Test
  void aValuesRefNeedsASourceWithThatRef() {
    ComponentSpec spec = Specs.metricsAgent();
    spec.getSources().get(1).setRef(null);
    assertError(
        ComponentRules.check("c", spec),
        "spec.sources[0].helm.valuesFiles[0]",
        "refers to a source with ref \"values\", and there is none");
  }

  @Test
  void parameterNamesAreUnique() {
    ComponentSpec spec = Specs.hello();
    spec.getParameters().add(new ComponentParameter("replicas", null, null, null, null));
    assertError(
        ComponentRules.check("c", spec),
        "spec.parameters[1].name",
        "parameter names must be unique");
  }

  @Test
  void helmParameterNamesAreUnique() {
    ComponentSpec spec = Specs.prometheus();
    spec.getSources()
        .get(0)
        .getHelm()
        .getParameters()
        .add(new HelmParameter("grafana.enabled", "false", null));
    assertError(
        ComponentRules.check("c", spec),
        "spec.sources[0].helm.parameters[1].name",
        "is also parameters[0]");
  }

  @Test
  void defaultsMatchTheirType() {
    ComponentSpec hello = Specs.hello();
    hello.getParameters().get(0).setDefaultValue("two");
    assertError(
        ComponentRules.check("hello-app", hello), "spec.parameters[0].default", "is not an int");
    ComponentSpec prometheus = Specs.prometheus();
    prometheus.getParameters().get(0).setDefaultValue("yes");
    assertError(
        ComponentRules.check("kube-prometheus-stack", prometheus),
        "spec.parameters[0].default",
        "is not a bool");
  }

  @Test
  void aRequiredParametersDefaultIsAWarning() {
    ComponentSpec spec = Specs.hello();
    spec.getParameters().add(new ComponentParameter("size", ParameterType.STRING, "m", true, null));
    assertWarning(ComponentRules.check("c", spec), "spec.parameters[1]", "default is never used");
  }
}
