package io.illm.lab.importer;

import static io.illm.lab.importer.Imports.at;
import static io.illm.lab.importer.Imports.paths;
import static io.illm.lab.importer.Imports.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.ParameterType;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginalComponentTest {

  private static final String GIT_APP =
      """
      apiVersion: experiments.illm.io/v1alpha1
      kind: Component
      metadata:
        name: hello
      spec:
        type: app
        sources:
          - repoURL: https://github.com/example/lab.git
            path: components/apps/hello/k8s
      """;

  @Test
  void theCategoryComesFromTheComponentsFolderLayout() {
    ImportResult result =
        Importer.read("lab/components/observability/hello/component.yaml", GIT_APP);

    assertEquals(Category.OBSERVABILITY, single(result, Component.class).getSpec().getCategory());
    assertTrue(result.problems().isEmpty(), () -> Imports.render(result.problems()));
  }

  @Test
  void theCategoryComesFromTheCorpusFileName() {
    assertEquals(
        Optional.of(Category.STORAGE),
        OriginalComponent.fromPath("original/components/storage--minio.yaml"));
    assertEquals(
        Optional.of(Category.CORE), OriginalComponent.fromPath("components/core/traefik.yaml"));
    assertEquals(Optional.empty(), OriginalComponent.fromPath("elsewhere/minio.yaml"));
    assertEquals(Optional.empty(), OriginalComponent.fromPath("weird--minio.yaml"));
  }

  @Test
  void withoutAPathTheCategoryComesFromTheTypeWithANote() {
    ImportResult result = Importer.read("hello.yaml", GIT_APP);

    assertEquals(Category.APPS, single(result, Component.class).getSpec().getCategory());
    Problem note = at(result, "spec.category");
    assertEquals(Problem.Severity.WARNING, note.severity());
    assertTrue(note.hint().contains("--category"), note.hint());
  }

  @Test
  void aConfigWithoutAPathHasNoCategoryAndSaysPassCategory() {
    ImportResult result =
        Importer.read("egress.yaml", GIT_APP.replace("type: app", "type: config"));

    Problem problem = at(result, "spec.category");
    assertTrue(problem.isError());
    assertEquals("pass --category", problem.hint());
    assertTrue(result.objects().isEmpty());
  }

  @Test
  void anExplicitCategoryWinsOverPathAndType() {
    ImportResult result =
        Importer.read(
            "components/apps--egress.yaml",
            GIT_APP.replace("type: app", "type: config"),
            Category.CORE);

    Component component = single(result, Component.class);
    assertEquals(Category.CORE, component.getSpec().getCategory());
    assertEquals(ComponentType.CONFIG, component.getSpec().getType());
  }

  @Test
  void typeTestingBecomesCategoryTestingTypeApp() {
    ImportResult result = Importer.read("k6.yaml", GIT_APP.replace("type: app", "type: testing"));

    Component component = single(result, Component.class);
    assertEquals(Category.TESTING, component.getSpec().getCategory());
    assertEquals(ComponentType.APP, component.getSpec().getType());
    assertEquals(List.of("spec.type WARNING"), paths(result));
  }

  @Test
  void sourcesParametersAndObservabilityAreCarried() {
    Component component =
        single(
            Importer.read(
                "components/observability--kps.yaml",
                """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Component
        metadata:
          name: kps
        spec:
          type: app
          description: Prometheus
          sources:
            - repoURL: https://prometheus-community.github.io/helm-charts
              targetRevision: "79.9.0"
              chart: kube-prometheus-stack
              helm:
                releaseName: kps
                valuesFiles: [values.yaml]
                parameters:
                  - name: grafana.enabled
                    value: "true"
                    forceString: true
                  - name: config
                    value: ""
          parameters:
            - name: retention
              type: string
              default: ""
              required: true
              description: how long
          observability:
            serviceMonitor: true
            podMonitor: false
            podLabels:
              app.kubernetes.io/name: kps
            metricsPath: /metrics
            metricsPort: 9090
        """),
            Component.class);

    ComponentSource source = component.getSpec().getSources().get(0);
    assertEquals("79.9.0", source.getTargetRevision());
    assertEquals("kube-prometheus-stack", source.getChart());
    assertEquals("kps", source.getHelm().getReleaseName());
    assertEquals(List.of("values.yaml"), source.getHelm().getValuesFiles());
    assertEquals(
        List.of(
            new HelmParameter("grafana.enabled", "true", true),
            new HelmParameter("config", "", null)),
        source.getHelm().getParameters());
    assertEquals(
        List.of(new ComponentParameter("retention", ParameterType.STRING, "", true, "how long")),
        component.getSpec().getParameters());
    assertEquals(
        new ComponentObservability(
            true, false, Map.of("app.kubernetes.io/name", "kps"), "/metrics", 9090),
        component.getSpec().getObservability());
    assertEquals("Prometheus", component.getSpec().getDescription());
  }

  @Test
  void theGitSourceNextToValuesFilesBecomesTheExplicitValuesReference() {
    ImportResult result =
        Importer.read(
            "components/observability--agent.yaml",
            """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Component
        metadata:
          name: agent
        spec:
          type: app
          sources:
            - repoURL: https://grafana.github.io/helm-charts
              chart: alloy
              helm:
                valuesFiles:
                  - $values/components/observability/agent/values.yaml
            - repoURL: https://github.com/example/lab.git
              targetRevision: HEAD
              path: components/observability/agent
        """);

    List<ComponentSource> sources = single(result, Component.class).getSpec().getSources();
    assertNull(sources.get(0).getRef());
    assertEquals("values", sources.get(1).getRef());
    assertNull(sources.get(1).getPath(), "the original ignored the path of the values reference");
    assertEquals(
        List.of("spec.sources[1].path WARNING", "spec.sources[1].ref WARNING"), paths(result));
  }

  @Test
  void valuesFilesWithoutACandidateReferenceAreReported() {
    ImportResult result =
        Importer.read(
            "components/observability--agent.yaml",
            """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Component
        metadata:
          name: agent
        spec:
          type: app
          sources:
            - repoURL: https://grafana.github.io/helm-charts
              chart: alloy
              helm:
                valuesFiles: [$values/values.yaml]
        """);

    assertEquals(Problem.Severity.WARNING, at(result, "spec.sources").severity());
  }

  @Test
  void aComponentWithACategoryIsOfThisApiAndReadStrictly() {
    String ours = GIT_APP.replace("type: app", "category: apps\n  type: app\n  colour: blue");

    assertFalse(OriginalComponent.recognises(tree(ours)));
    Problem problem = at(Importer.read("hello.yaml", ours), "spec.colour");
    assertTrue(problem.isError());
    assertEquals("unknown field colour", problem.message());
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String yaml) {
    try {
      return io.illm.lab.yaml.LabYaml.readTree(yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
