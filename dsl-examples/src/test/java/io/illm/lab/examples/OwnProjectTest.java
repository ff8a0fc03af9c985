package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import io.illm.lab.examples.Maven.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project made by {@code ./lab init} outside this repository, used with nothing but its README's
 * commands: built offline against this build's artifacts (in a private local repository, as {@code
 * ./mvnw install} would put them), it synthesizes, validates, runs its experiment on the embedded
 * hub, submits it to a (mock) cluster, and passes its own JUnit test of the experiment. One test:
 * each Maven run costs seconds.
 */
class OwnProjectTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String EXEC = "./mvnw -q compile exec:java -Dexec.args=\"";

  @TempDir Path temp;

  @Test
  void aProjectMadeByInitWorksWithTheCommandsOfItsReadme() throws Exception {
    Path repository = LocalRepository.install(ROOT, temp.resolve("m2"), version());
    Path project = temp.resolve("my-lab");
    init(project);
    String readme = Files.readString(project.resolve("README.md"));
    Maven maven = Maven.in(project, repository);

    Run synth = exec(maven, readme, "synth", "");
    assertTrue(
        synth.output().contains("created experiments/guestbook-smoke/experiment.yaml"),
        synth.output());
    assertTrue(Files.isRegularFile(project.resolve("components/apps/guestbook.yaml")));
    exec(maven, readme, "synth --check", "");
    Run validate = exec(maven, readme, "validate", "");
    assertTrue(
        validate.output().contains("checked 1 experiments and 1 components"), validate.output());
    Run run = exec(maven, readme, "run guestbook-smoke", " --instant");
    assertTrue(run.output().contains("guestbook-smoke: Complete"), run.output());
    assertTrue(run.output().contains("verdict: hypothesis validated"), run.output());
    submit(maven, readme, project);
    assertTrue(readme.contains("`./mvnw verify`"), readme);
    Run verify = maven.run(5, "verify");
    assertEquals(0, verify.code(), verify.output());
    String report =
        Files.readString(
            project.resolve(
                "target/surefire-reports/com.example.lab.experiments.GuestbookSmokeTest.txt"));
    assertTrue(report.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), report);
  }

  /** {@code submit} through Maven to a mock API server: the experiment is created there. */
  private void submit(Maven maven, String readme, Path project) throws Exception {
    try (MockCluster cluster = new MockCluster(project, temp)) {
      exec(
          maven,
          readme,
          "submit guestbook-smoke",
          " --no-wait --kubeconfig " + cluster.kubeconfig());
      assertNotNull(cluster.experiment("experiments", "guestbook-smoke"));
    }
  }

  /**
   * Runs the README's command for {@code args} (the README must have it), with {@code more} options
   * a test needs (instant timings, the mock's kubeconfig); it must exit 0.
   */
  private static Run exec(Maven maven, String readme, String args, String more) throws Exception {
    assertTrue(readme.contains(EXEC + args + "\""), "the README has no command for " + args);
    Run run = maven.run(3, "compile", "exec:java", "-Dexec.args=" + args + more);
    assertEquals(0, run.code(), args + more + ":\n" + run.output());
    return run;
  }

  private static void init(Path project) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("init", project.toString());
    assertEquals(0, code, err.toString());
  }

  /** The version the cli's init writes into a new project: this build's. */
  private static String version() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        LabCommand.class.getResourceAsStream("/io/illm/lab/cli/init/version.properties")) {
      properties.load(in);
    }
    return properties.getProperty("version");
  }
}
