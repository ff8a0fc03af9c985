package io.illm.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.rules.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./lab validate with WorkflowTemplates next to the experiments, as synth writes them. */
class FileValidatorTemplatesTest {

  private static final String TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata: {name: web-load, namespace: argo-workflows}
      spec:
        entrypoint: main
        arguments:
          parameters:
            - {name: experiment-name}
            - {name: rate, value: "10"}
        templates: [{name: main}]
      """;

  private static String experiment(String template, String params) {
    return """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Experiment
        metadata: {name: web}
        spec:
          targets: [{name: app, cluster: {provider: hub}}]
          workflow: {template: %s, completion: {mode: workflow}%s}
        """
        .formatted(template, params);
  }

  @Test
  void aTemplateAndAnExperimentThatRunsItAreValid(@TempDir Path lab) throws IOException {
    assertEquals(List.of(), problems(lab, experiment("web-load", ", params: {rate: \"5\"}")));
  }

  @Test
  void aMissingTemplateIsAnErrorWithItsPath(@TempDir Path lab) throws IOException {
    List<Problem> problems = problems(lab, experiment("web-laod", ""));
    assertEquals(List.of("spec.workflow.template"), paths(problems), problems.toString());
    assertEquals("did you mean web-load?", problems.get(0).hint());
  }

  @Test
  void anUnknownParameterIsAnErrorWithItsPath(@TempDir Path lab) throws IOException {
    List<Problem> problems = problems(lab, experiment("web-load", ", params: {rat: \"5\"}"));
    assertEquals(List.of("spec.workflow.params[\"rat\"]"), paths(problems), problems.toString());
  }

  @Test
  void withoutAnyTemplateReferencesAreNotChecked(@TempDir Path lab) throws IOException {
    Path experiment = lab.resolve("experiments/web/experiment.yaml");
    Files.createDirectories(experiment.getParent());
    Files.writeString(experiment, experiment("kept-elsewhere", ""));
    List<Problem> problems =
        new FileValidator(lab).validate(List.of(lab.resolve("experiments")), List.of()).problems();
    assertEquals(List.of(), problems);
  }

  private static List<Problem> problems(Path lab, String experiment) throws IOException {
    Path dir = lab.resolve("experiments/web");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("experiment.yaml"), experiment);
    Files.writeString(dir.resolve("workflow-template.yaml"), TEMPLATE);
    return new FileValidator(lab)
        .validate(List.of(dir.resolve("experiment.yaml")), List.of(lab.resolve("experiments")))
        .problems();
  }

  private static List<String> paths(List<Problem> problems) {
    return problems.stream().map(Problem::path).toList();
  }
}
