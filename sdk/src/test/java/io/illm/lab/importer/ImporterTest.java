package io.illm.lab.importer;

import static io.illm.lab.importer.Imports.at;
import static io.illm.lab.importer.Imports.paths;
import static io.illm.lab.importer.Imports.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

  private static final String OURS =
      """
      apiVersion: experiments.illm.io/v1alpha1
      kind: Experiment
      metadata:
        name: hello
        namespace: experiments
      spec:
        targets:
          - name: app
            cluster:
              provider: gke
              nodeCount: 2
        workflow:
          template: hello-validation
          completion:
            mode: workflow
        metrics:
          queries:
            - name: cpu
              query: sum(cpu)
      """;

  private static final String COMPONENT =
      """
      apiVersion: experiments.illm.io/v1alpha1
      kind: Component
      metadata:
        name: hello-app
      spec:
        category: apps
        type: app
        sources:
          - repoURL: https://github.com/example/lab.git
            path: components/apps/hello-app/k8s
      """;

  @Test
  void aDocumentOfThisApiIsReadAsItIsWithoutNotes() {
    ImportResult result =
        Importer.read("hello.yaml", OURS + "---\n" + COMPONENT.replace("hello-app", "other"));

    assertEquals("hello", result.objects().get(0).getMetadata().getName());
    assertTrue(result.problems().isEmpty(), () -> Imports.render(result.problems()));
  }

  @Test
  void everyUnknownFieldOfThisApiIsAnErrorAtOnce() {
    ImportResult result =
        Importer.read(
            "hello.yaml",
            OURS.replace("nodeCount: 2", "nodeCount: 2\n        flavour: spot")
                .replace("completion:", "retries: 3\n    completion:"));

    assertEquals(
        List.of("spec.targets[0].cluster.flavour ERROR", "spec.workflow.retries ERROR"),
        paths(result));
    Problem flavour = at(result, "spec.targets[0].cluster.flavour");
    assertEquals("unknown field flavour", flavour.message());
    assertTrue(
        flavour.hint().startsWith("known fields: ") && flavour.hint().contains("machineType"),
        flavour.hint());
    assertTrue(result.objects().isEmpty());
  }

  @Test
  void aWrongTypeIsAnErrorWithItsPath() {
    ImportResult result =
        Importer.read("hello.yaml", OURS.replace("nodeCount: 2", "nodeCount: three"));

    Problem problem = at(result, "spec.targets[0].cluster.nodeCount");
    assertTrue(problem.isError());
    assertEquals("\"three\" is not a whole number", problem.message());
  }

  @Test
  void aWrongEnumValueListsTheValues() {
    ImportResult result =
        Importer.read("hello.yaml", OURS.replace("provider: gke", "provider: gcp"));

    assertEquals(
        "\"gcp\" is not one of gke, eks, aks, hub",
        at(result, "spec.targets[0].cluster.provider").message());
  }

  @Test
  void aListWhereAMapBelongsIsAnError() {
    ImportResult result =
        Importer.read("hello.yaml", OURS.replace("nodeCount: 2", "nodeCount: [2]"));

    assertTrue(
        at(result, "spec.targets[0].cluster.nodeCount")
            .message()
            .startsWith("wrong type: expected"));
  }

  @Test
  void malformedYamlIsOneProblemWithTheLine() {
    ImportResult result = Importer.read("bad.yaml", "kind: Experiment\nspec: [unclosed\n");

    assertEquals(1, result.problems().size(), () -> Imports.render(result.problems()));
    Problem problem = result.problems().get(0);
    assertTrue(problem.isError());
    assertTrue(problem.message().startsWith("malformed YAML at 3:"), problem.message());
    assertEquals("bad.yaml", problem.file());
  }

  @Test
  void duplicateKeysAreRefusedByTheSafeReader() {
    ImportResult result = Importer.read("dup.yaml", "kind: Experiment\nkind: Component\n");

    assertTrue(
        result.problems().get(0).message().startsWith("malformed YAML"),
        Imports.render(result.problems()));
  }

  @Test
  void unknownKindsAndVersionsAreOneProblemEach() {
    ImportResult result =
        Importer.read(
            "x.yaml",
            """
        apiVersion: v1
        kind: ConfigMap
        ---
        apiVersion: experiments.illm.io/v2
        kind: Component
        ---
        - a list
        """);

    assertEquals(
        List.of(
            "x.yaml#1: kind: unknown kind ConfigMap (import reads Experiment and Component of experiments.illm.io/v1alpha1)",
            "x.yaml#2: apiVersion: unknown apiVersion experiments.illm.io/v2 (import reads experiments.illm.io/v1alpha1)",
            "x.yaml#3: a document must be a map with apiVersion, kind, metadata and spec"),
        result.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void documentsComeInOrderAndProblemsNameTheirDocument() {
    ImportResult result =
        Importer.read(
            "both.yaml",
            COMPONENT
                + "---\n"
                + OURS.replace("name: hello", "generateName: hello-")
                    .replace("provider: gke", "type: gke"));

    assertEquals(
        List.of(Component.class, Experiment.class),
        result.objects().stream().map(Object::getClass).toList());
    assertEquals("both.yaml#2", at(result, "metadata.generateName").file());
  }

  @Test
  void anEmptyFileIsANote() {
    ImportResult result = Importer.read("empty.yaml", "# nothing here\n");

    assertEquals(List.of(" WARNING"), paths(result));
  }

  @Test
  void aReferenceToAComponentNotImportedWithTheExperimentIsNoted() {
    String withRef =
        OURS.replace("nodeCount: 2", "nodeCount: 2\n      components:\n        - app: hello-app");

    ImportResult alone = Importer.read("hello.yaml", withRef);
    ImportResult together = Importer.read("hello.yaml", withRef + "---\n" + COMPONENT);

    assertEquals(
        Problem.Severity.WARNING, at(alone, "spec.targets[0].components[0].app").severity());
    assertTrue(together.problems().isEmpty(), () -> Imports.render(together.problems()));
  }

  @Test
  void filesAreReadFromFoldersRecursivelyAndSorted(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/z.yml"), COMPONENT);
    Files.writeString(dir.resolve("a.yaml"), OURS);
    Files.writeString(dir.resolve("notes.txt"), "not yaml");

    List<Path> files = Importer.yamlFiles(dir);
    ImportResult result = Importer.read(files, null);

    assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("b/c/z.yml")), files);
    assertEquals(
        List.of("hello", "hello-app"),
        result.objects().stream().map(o -> o.getMetadata().getName()).toList());
  }

  @Test
  void aMissingFileIsAProblemNotAnException(@TempDir Path dir) {
    ImportResult result = Importer.read(List.of(dir.resolve("gone.yaml")), null);

    assertEquals("no such file", result.problems().get(0).message());
  }

  @Test
  void aComponentWithoutANameIsAnError() {
    ImportResult result =
        Importer.read("c.yaml", COMPONENT.replace("name: hello-app", "labels: {a: b}"));

    assertTrue(at(result, "metadata.name").isError());
  }

  @Test
  void theSingleObjectHelperSeesTheComponent() {
    assertEquals(
        "hello-app",
        single(Importer.read("c.yaml", COMPONENT), Component.class).getMetadata().getName());
  }

  @Test
  void kubectlListsAreReadItemByItemAndClusterMetadataIsNotCarried() {
    ImportResult result =
        Importer.read(
            "exported.yaml",
            """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: experiments.illm.io/v1alpha1
            kind: Experiment
            metadata:
              name: hello-x7k2p
              generateName: hello-
              namespace: experiments
              uid: 0b7a
              resourceVersion: "42"
              creationTimestamp: "2026-02-10T08:00:00Z"
              finalizers: [experiments.illm.io/finalizer]
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: "{}"
                owner: me
            spec:
              targets:
                - name: app
                  cluster:
                    type: gke
              workflow:
                template: hello-validation
                completion:
                  mode: workflow
            status:
              phase: Complete
        """);

    Experiment experiment = single(result, Experiment.class);
    assertEquals("hello-x7k2p", experiment.getMetadata().getName());
    assertEquals(java.util.Map.of("owner", "me"), experiment.getMetadata().getAnnotations());
    assertEquals(null, experiment.getMetadata().getUid());
    assertEquals(
        List.of(
            "items[0].metadata.annotations.kubectl.kubernetes.io/last-applied-configuration WARNING",
            "items[0].metadata.creationTimestamp WARNING",
            "items[0].metadata.finalizers WARNING",
            "items[0].metadata.generateName WARNING",
            "items[0].metadata.resourceVersion WARNING",
            "items[0].metadata.uid WARNING",
            "items[0].status WARNING"),
        paths(result));
  }

  @Test
  void aFolderPathIsReadAsAllItsFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), OURS);
    Files.writeString(dir.resolve("b.yaml"), COMPONENT);

    assertEquals(2, Importer.read(dir).objects().size());
  }
}
