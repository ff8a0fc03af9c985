package io.illm.lab.validate;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.rules.Problem;
import io.illm.lab.rules.ProblemAssertions;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileValidatorTest {

  @TempDir Path dir;

  private static Path resources() {
    try {
      return Path.of(FileValidatorTest.class.getResource("valid-experiment.yaml").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private ValidationReport validateBad(String name) {
    return new FileValidator(resources())
        .validate(List.of(resources().resolve("bad").resolve(name)), List.of());
  }

  /** One problem, for the whole file, whose message contains every fragment. */
  private static Problem single(ValidationReport report, String... fragments) {
    assertEquals(1, report.problems().size(), () -> ProblemAssertions.show(report.problems()));
    Problem problem = report.problems().get(0);
    for (String fragment : fragments) {
      assertTrue(problem.message().contains(fragment), () -> problem + " lacks " + fragment);
    }
    assertTrue(problem.isError());
    return problem;
  }

  @Test
  void malformedYamlIsOneProblemWithLineAndColumn() {
    Problem problem =
        single(validateBad("malformed.yaml"), "malformed YAML at 7:11", "expected ',' or ']'");
    assertEquals("bad/malformed.yaml", problem.file());
  }

  @Test
  void anAliasBombIsRefusedBeforeItExpands() {
    single(validateBad("alias-bomb.yaml"), "YAML alias *a at 2:8", "aliases are not supported");
  }

  @Test
  void aDuplicateKeyIsOneProblem() {
    single(validateBad("duplicate-key.yaml"), "malformed YAML at 5:7", "Duplicate field 'name'");
  }

  @Test
  void deepNestingIsRefused() {
    single(validateBad("deep.yaml"), "nested too deeply at 6:");
  }

  @Test
  void bytesThatAreNotUtf8AreOneProblem() {
    Problem problem = single(validateBad("not-utf8.yaml"), "not valid UTF-8: byte 0xE9 at 4:12");
    assertEquals("save the file as UTF-8", problem.hint());
  }

  @Test
  void anEmptyFileOrOneWithOnlyCommentsIsOneProblem() {
    single(validateBad("empty.yaml"), "empty file");
    single(validateBad("comments-only.yaml"), "empty file");
  }

  @Test
  void wrongTypesAndUnknownFieldsComeWithTheirPaths() {
    assertEquals("spec.targets", single(validateBad("wrong-types.yaml"), "expected a list").path());
    assertEquals(
        "spec.targets[0].colour",
        single(validateBad("unknown-field.yaml"), "unknown field").path());
  }

  @Test
  void anotherKindSaysWhatWasFoundAndWhatIsExpected() {
    Problem problem = single(validateBad("deployment.yaml"), "found apps/v1 Deployment");
    assertTrue(problem.hint().contains("experiments.illm.io/v1alpha1"), problem.hint());
  }

  @Test
  void aDocumentOverTheSizeLimitIsOneProblem() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (Writer out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      out.write(
          "apiVersion: experiments.illm.io/v1alpha1\nkind: Experiment\nspec:\n  description: \"");
      for (int i = 0; i < LabYaml.MAX_DOCUMENT_CODE_POINTS / 1000 + 1; i++) {
        out.write("x".repeat(1000));
      }
      out.write("\"\n");
    }
    single(new FileValidator(dir).validate(List.of(huge), List.of()), "exceeds the limit");
  }

  @Test
  void multipleDocumentsAreNamedByPositionAndFeedTheCatalogue() {
    ValidationReport report =
        new FileValidator(resources())
            .validate(List.of(resources().resolve("multi.yaml")), List.of());
    assertEquals(2, report.documents());
    Problem problem =
        assertError(
            report.problems(),
            "spec.targets[0].components[1].app",
            "unknown component \"helo-app\"");
    assertEquals("multi.yaml#2", problem.file());
    assertEquals(1, report.problems().size(), () -> ProblemAssertions.show(report.problems()));
  }

  @Test
  void catalogueFoldersAddComponents() throws IOException {
    Path catalogue = Files.createDirectories(dir.resolve("components/apps"));
    Files.writeString(catalogue.resolve("hello.yaml"), Fixtures.resource("catalogue.yaml"));
    ValidationReport report =
        new FileValidator(resources())
            .validate(
                List.of(resources().resolve("multi.yaml")), List.of(dir.resolve("components")));
    assertEquals("did you mean hello-app?", report.problems().get(0).hint());
  }

  @Test
  void foldersAreSearchedRecursivelyInSortedOrder() throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/z.yml"), "apiVersion: v1\nkind: ConfigMap\n");
    Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: Secret\n");
    Files.writeString(dir.resolve("notes.txt"), "not yaml");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.yaml"), "apiVersion: v1\nkind: Hidden\n");
    ValidationReport report = new FileValidator(dir).validate(List.of(dir), List.of());
    assertEquals(2, report.files());
    assertEquals(
        List.of("a.yaml", "b/c/z.yml"), report.problems().stream().map(Problem::file).toList());
  }

  @Test
  void filesOutsideTheWorkingDirectoryAreShownAbsolute() {
    Path file = resources().resolve("bad/empty.yaml");
    ValidationReport report = new FileValidator(dir).validate(List.of(file), List.of());
    assertEquals(file.toAbsolutePath().normalize().toString(), report.problems().get(0).file());
  }

  @Test
  void aMissingPathIsAProblem() {
    ValidationReport report =
        new FileValidator(dir).validate(List.of(dir.resolve("nope.yaml")), List.of());
    assertEquals(
        "nope.yaml: no such file or directory (check the path)",
        report.problems().get(0).toString());
  }

  @Test
  void twoComponentsWithOneNameAreAnError() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), Fixtures.resource("catalogue.yaml"));
    Files.writeString(dir.resolve("b.yaml"), Fixtures.resource("catalogue.yaml"));
    ValidationReport report = new FileValidator(dir).validate(List.of(dir), List.of());
    Problem problem =
        assertError(
            report.problems(),
            "metadata.name",
            "Component \"hello-app\" is also defined in a.yaml#2");
    assertEquals("b.yaml#2", problem.file());
  }

  @Test
  void theSummaryCountsDocumentsFilesErrorsAndWarnings() {
    ValidationReport report =
        new ValidationReport(
            List.of(Problem.error("a", "", "x", ""), Problem.warning("a", "", "y", "")), 12, 8);
    assertEquals("validated 12 documents in 8 files: 1 error, 1 warning", report.summary());
  }
}
