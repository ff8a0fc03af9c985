package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Drift;
import io.illm.lab.synth.Synth;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The build fails when the committed YAML is not what the Java definitions synthesize. */
class CommittedYamlTest {

  /** Surefire runs in the module directory; the YAML is committed at the repository root. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void committedYamlMatchesTheDefinitions() {
    Definitions found = Definitions.onClasspath();
    assertEquals(List.of(), found.problems(), "the definitions have problems");
    List<Component> components = found.components();
    List<Experiment> experiments = found.experiments();
    List<Problem> errors =
        Synth.validate(components, experiments).stream().filter(Problem::isError).toList();
    assertEquals(List.of(), errors, "the catalogue has errors");

    List<Drift> drift = Synth.drift(ROOT, Synth.render(found.source(), components, experiments));

    assertEquals(
        "",
        drift.stream()
            .map(d -> d.path() + " would be " + d.kind().verb() + "\n" + d.unifiedDiff())
            .collect(Collectors.joining()),
        "committed YAML is stale: run ./lab synth and commit the result");
  }
}
