package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.dsl.Catalogue;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Drift;
import io.illm.lab.synth.Synth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The build fails when the committed YAML is not what the Java definitions synthesize. */
class CommittedYamlTest {

  /** Surefire runs in the module directory; the YAML is committed at the repository root. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void committedYamlMatchesTheDefinitions() {
    List<Catalogue> catalogues = new ArrayList<>();
    ServiceLoader.load(Catalogue.class).forEach(catalogues::add);
    assertFalse(catalogues.isEmpty(), "dsl-examples registers no io.illm.lab.dsl.Catalogue");
    List<Component> components = new ArrayList<>();
    List<Experiment> experiments = new ArrayList<>();
    List<WorkflowTemplate> templates = new ArrayList<>();
    catalogues.forEach(
        c -> {
          components.addAll(c.components());
          experiments.addAll(c.experiments());
          templates.addAll(c.workflowTemplates());
        });
    List<Problem> errors =
        Synth.validate(components, experiments).stream().filter(Problem::isError).toList();
    assertEquals(List.of(), errors, "the catalogue has errors");

    String source =
        catalogues.stream()
            .map(c -> c.getClass().getName())
            .sorted()
            .collect(Collectors.joining(", "));
    List<Drift> drift = Synth.drift(ROOT, Synth.render(source, components, experiments, templates));

    assertEquals(
        "",
        drift.stream()
            .map(d -> d.path() + " would be " + d.kind().verb() + "\n" + d.unifiedDiff())
            .collect(Collectors.joining()),
        "committed YAML is stale: run ./lab synth and commit the result");
  }
}
