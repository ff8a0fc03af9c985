package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Component;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/catalogue.md is what synth writes from the lab's definitions, and synth names the components
 * no experiment deploys.
 */
class CataloguePageTest {

  /** Surefire runs in the module directory; the page is committed at the repository root. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern NOTICE =
      Pattern.compile(
          "synth: notice: (\\d+) of (\\d+) components are deployed by no experiment: (.*)");

  @TempDir Path scratch;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theCommittedPageIsWhatSynthWrites() throws Exception {
    String committed = Files.readString(ROOT.resolve("docs/catalogue.md"));
    assertEquals(0, synth(scratch), err.toString());
    assertEquals(
        committed,
        Files.readString(scratch.resolve("docs/catalogue.md")),
        "docs/catalogue.md is stale: run ./lab synth and commit the result");
    assertTrue(committed.contains("## The original lab's entries that are not components here"));
  }

  @Test
  void synthNamesEveryComponentNoExperimentDeploysAndNoOther() throws Exception {
    assertEquals(0, synth(scratch), err.toString());
    Matcher notice = NOTICE.matcher(out.toString());
    assertTrue(notice.find(), out.toString());
    Set<String> named = new TreeSet<>(List.of(notice.group(3).split(", ")));
    Definitions found = Definitions.onClasspath();
    Set<String> deployed = deployedByAnExperiment();
    Set<String> expected =
        found.components().stream()
            .map(Component::getMetadata)
            .map(m -> m.getName())
            .filter(n -> !deployed.contains(n))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, named);
    assertEquals(String.valueOf(found.components().size()), notice.group(2));
    assertFalse(named.contains("hello-app"), "hello-app is deployed by the hello-app experiment");
  }

  /**
   * Every component name under a {@code - app:}/{@code config:}/{@code workflow:} ref of the YAML.
   */
  private Set<String> deployedByAnExperiment() throws Exception {
    Pattern ref = Pattern.compile("^\\s*-?\\s*(app|config|workflow): (\\S+)$", Pattern.MULTILINE);
    Set<String> names = new TreeSet<>();
    try (var files = Files.walk(scratch.resolve("experiments"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Matcher m = ref.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(2));
        }
      }
    }
    return names;
  }

  private int synth(Path root) {
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute("synth", "--root", root.toString());
  }
}
