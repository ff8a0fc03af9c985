package io.illm.lab.cli.init;

import io.illm.lab.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code init DIR}: a new Maven project of one's own, depending on the SDK at this version. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a Maven project for experiments of your own in a new or empty folder.",
      "",
      "pom.xml (depending on illm-lab-sdk and illm-lab-cli at this version), the Maven wrapper,"
          + " one component and one experiment with its JUnit test, a README with the commands,"
          + " .gitignore and a GitHub Actions workflow that runs synth --check. Its commands are"
          + " plain Maven: ./mvnw -q compile exec:java -Dexec.args=\"synth\"."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:created", "2:the folder is not empty, or a name is not usable"})
public final class InitCommand implements Callable<Integer> {

  private static final Pattern ARTIFACT = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The project's folder, new or empty.")
  private Path dir;

  @Option(
      names = "--package",
      paramLabel = "NAME",
      defaultValue = "com.example.lab",
      description = "The Java package of the sample classes. Default: ${DEFAULT-VALUE}.")
  private String packageName;

  @Option(
      names = "--group-id",
      paramLabel = "ID",
      description = "The project's Maven groupId. Default: the package.")
  private String groupId;

  @Option(
      names = "--artifact-id",
      paramLabel = "ID",
      description = "The project's Maven artifactId. Default: the folder's name, in lower case.")
  private String artifactId;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String artifact = artifactId != null ? artifactId : defaultArtifact();
    List<String> problems = problems(artifact);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("init: " + p));
      err.flush();
      return ExitCodes.INVALID;
    }
    String version = ProjectTemplate.version();
    Map<String, String> values =
        Map.of(
            "package", packageName,
            "packagePath", packageName.replace('.', '/'),
            "groupId", groupId != null ? groupId : packageName,
            "artifactId", artifact,
            "version", version);
    List<String> written = ProjectTemplate.write(dir, values);
    written.forEach(f -> out.println("created " + dir.resolve(f)));
    out.println(
        "init: a project depending on illm-lab "
            + version
            + " in "
            + dir
            + "; next: cd "
            + dir
            + " && ./mvnw -q compile exec:java -Dexec.args=\"run guestbook-smoke\" (README.md has"
            + " every command)");
    out.flush();
    return ExitCodes.OK;
  }

  /** What makes the folder or a name unusable, one line each. */
  private List<String> problems(String artifact) {
    List<String> problems = new ArrayList<>();
    if (Files.exists(dir) && !isEmptyFolder(dir)) {
      problems.add(dir + ": not an empty folder (give a new or empty one; nothing was written)");
    }
    if (!SourceVersion.isName(packageName)) {
      problems.add("--package " + packageName + ": not a Java package name (e.g. com.example.lab)");
    }
    if (!ARTIFACT.matcher(artifact).matches()) {
      problems.add(
          "--artifact-id "
              + artifact
              + ": not a Maven artifactId (lower-case letters, digits, '.', '_', '-')");
    }
    if (groupId != null && !SourceVersion.isName(groupId)) {
      problems.add("--group-id " + groupId + ": not a Maven groupId (e.g. com.example)");
    }
    return problems;
  }

  private String defaultArtifact() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? "lab" : name.toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isEmptyFolder(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
