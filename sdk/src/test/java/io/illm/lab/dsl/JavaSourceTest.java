package io.illm.lab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JavaSourceTest {

  private static void assertExperimentRoundTrip(Experiment input) throws Exception {
    String source = JavaSource.experiment("gen", "Imported", input);
    Object built = InMemoryJava.build("gen.Imported", source);
    assertEquals(LabYaml.write(input), LabYaml.write(built), source);
  }

  private static void assertComponentRoundTrip(Component input) throws Exception {
    String source = JavaSource.component("gen", "ImportedComponent", input);
    Object built = InMemoryJava.build("gen.ImportedComponent", source);
    assertEquals(LabYaml.write(input), LabYaml.write(built), source);
  }

  @Test
  void anExperimentWithEveryFieldComesBackByteIdentical() throws Exception {
    assertExperimentRoundTrip(SampleModels.everyExperimentField());
  }

  @Test
  void anExperimentWithFewFieldsComesBackByteIdentical() throws Exception {
    assertExperimentRoundTrip(SampleModels.fewFields());
  }

  @Test
  void aComponentWithEveryFieldComesBackByteIdentical() throws Exception {
    assertComponentRoundTrip(SampleModels.everyComponentField());
  }

  @Test
  void aComponentWithFewFieldsComesBackByteIdentical() throws Exception {
    assertComponentRoundTrip(SampleModels.fewComponentFields());
  }

  @Test
  void theSourceReadsLikeTheDsl() {
    String source = JavaSource.experiment("gen", "Few", SampleModels.fewFields());
    assertTrue(source.contains("import static io.illm.lab.dsl.Lab.*;"), source);
    assertTrue(
        source.contains(
            """
            return experiment("few")
                .publish()
                .hypothesis(hypothesis("only a claim"))
                .target(target("app")
                    .on(gke())
                    .deploy(app("hello-app")))
                .workflow(workflow("smoke"))
                .completeOn(CompletionMode.WORKFLOW)
        """),
        source);
    assertTrue(source.contains(".totalDeadline(Duration.ofSeconds(45))"), source);
  }

  @Test
  void whatTheDslCannotSayIsRefusedWithEveryPath() {
    Experiment experiment = SampleModels.fewFields();
    experiment.setMetadata(
        new ObjectMetaBuilder().withName("odd").withGenerateName("odd-").build());
    experiment.getSpec().setDeadlines(new Deadlines(null, "90m", null, null, null));
    experiment.getSpec().setMetrics(new MetricsSpec());
    experiment
        .getSpec()
        .getTargets()
        .get(0)
        .setComponents(List.of(new ComponentRef("a", "b", null, null)));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> JavaSource.experiment("gen", "Odd", experiment));
    assertEquals(
        List.of(
            "metadata",
            "spec.deadlines.deploying",
            "spec.metrics",
            "spec.targets[0].components[0]"),
        e.problems().stream().map(Problem::path).sorted().collect(Collectors.toList()));
    assertTrue(e.getMessage().contains("it would come back as 1h30m"), e.getMessage());
  }

  @Test
  void classNamesComeFromObjectNames() {
    assertEquals("TsdbComparison", JavaSource.className("tsdb-comparison"));
    assertEquals("HelloApp2", JavaSource.className("hello-app2"));
    assertEquals("_3Tier", JavaSource.className("3-tier"));
    assertEquals("_", JavaSource.className("-"));
  }

  @Test
  void stringLiteralsEscapeWhatJavaWouldMisread() {
    assertEquals("\"a\\\"b\\\\c\\nd\\007\\177\\u00e9\"", JavaSource.str("a\"b\\c\nd\u0007\u007fé"));
    assertEquals("(String) null", JavaSource.str(null));
  }
}
