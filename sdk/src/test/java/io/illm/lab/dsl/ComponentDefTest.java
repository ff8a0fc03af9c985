package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.ParameterType;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentDefTest {

  @Test
  void everyValueLandsAtItsModelField() {
    Component component =
        component("agent", Category.OBSERVABILITY)
            .describe("An agent")
            .type(ComponentType.APP)
            .label("tier", "obs")
            .annotation("owner", "me")
            .source(
                chart("https://charts.example.com", "alloy")
                    .revision("0.12.0")
                    .releaseName("alloy")
                    .valuesFile("$values/agent.yaml")
                    .set("a", "1")
                    .setString("b", "true")
                    .set("c", "x", false))
            .source(repo("https://github.com/example/lab.git").revision("HEAD").ref("values"))
            .git("https://github.com/example/lab.git", "k8s", "main")
            .parameter(
                boolParam("on").defaultValue(false).required().describe("switch"),
                intParam("n").defaultValue(3).required(false),
                stringParam("s").defaultValue("x"),
                param("raw").defaultText("anything"))
            .serviceMonitor()
            .podMonitor(false)
            .podLabel("app", "agent")
            .metricsPath("/stats")
            .metricsPort(9090)
            .build();

    assertEquals("agent", component.getMetadata().getName());
    assertNull(component.getMetadata().getNamespace());
    assertEquals(Map.of("tier", "obs"), component.getMetadata().getLabels());
    assertEquals(Map.of("owner", "me"), component.getMetadata().getAnnotations());
    assertEquals("An agent", component.getSpec().getDescription());
    assertEquals(Category.OBSERVABILITY, component.getSpec().getCategory());
    assertEquals(ComponentType.APP, component.getSpec().getType());
    assertEquals(
        List.of(
            new ComponentSource(
                "https://charts.example.com",
                "0.12.0",
                null,
                "alloy",
                null,
                new HelmSource(
                    "alloy",
                    List.of("$values/agent.yaml"),
                    List.of(
                        new HelmParameter("a", "1", null),
                        new HelmParameter("b", "true", true),
                        new HelmParameter("c", "x", false)))),
            new ComponentSource(
                "https://github.com/example/lab.git", "HEAD", null, null, "values", null),
            new ComponentSource(
                "https://github.com/example/lab.git", "main", "k8s", null, null, null)),
        component.getSpec().getSources());
    assertEquals(
        List.of(
            new ComponentParameter("on", ParameterType.BOOL, "false", true, "switch"),
            new ComponentParameter("n", ParameterType.INT, "3", false, null),
            new ComponentParameter("s", ParameterType.STRING, "x", null, null),
            new ComponentParameter("raw", null, "anything", null, null)),
        component.getSpec().getParameters());
    assertEquals(
        new ComponentObservability(true, false, Map.of("app", "agent"), "/stats", 9090),
        component.getSpec().getObservability());
  }

  @Test
  void aMinimalComponentWritesOnlyWhatWasSaid() {
    assertEquals(
        """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Component
        metadata:
          name: app
        spec:
          category: apps
          sources:
            - repoURL: https://github.com/example/lab.git
              path: apps/app
        """,
        LabYaml.write(
            component("app", Category.APPS)
                .source(git("https://github.com/example/lab.git", "apps/app"))
                .build()));
  }

  @Test
  void componentValuesAreImmutable() {
    ComponentDef base =
        component("app", Category.APPS).git("https://github.com/example/lab.git", "a", "main");
    ComponentDef described = base.describe("more").podLabel("app", "x").parameter(intParam("n"));
    base.with("k", "v");
    Component plain = base.build();
    assertNull(plain.getSpec().getDescription());
    assertNull(plain.getSpec().getObservability());
    assertNull(plain.getSpec().getParameters());
    assertEquals("more", described.build().getSpec().getDescription());
    SourceDef source = chart("https://charts.example.com", "c");
    source.set("a", "b");
    assertNull(source.source().getHelm());
  }

  @Test
  void aComponentWithoutSourcesIsReportedWithPathAndHint() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> component("lonely", Category.APPS).build());
    assertEquals(
        "components/apps/lonely: spec.sources: component \"lonely\" has no source"
            + " (add a source: a Helm chart (repoURL and chart) or a Git path (repoURL and path))",
        e.problems().get(0).toString());
  }

  @Test
  void typedParametersTurnValuesIntoTheModelsText() {
    Param<Boolean> on = boolParam("on");
    Param<Integer> n = intParam("n");
    ComponentDef def =
        component("c", Category.APPS).helm("https://charts.example.com", "c", "1").parameter(on, n);
    assertEquals(
        "{n=-7, on=false}", String.valueOf(def.with(on, false).with(n, -7).ref().getParams()));
  }
}
