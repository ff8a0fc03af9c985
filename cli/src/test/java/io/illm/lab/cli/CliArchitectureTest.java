package io.illm.lab.cli;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The cli's rules of docs/architecture.md, on its compiled classes. */
class CliArchitectureTest {

  private static final String CLI = "io.illm.lab.cli";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(CLI);

  /** One package per command (or group of commands). */
  private static final String[] COMMANDS =
      Arrays.stream(
              new String[] {
                "run", "submit", "hub", "render", "results", "site", "authoring", "init"
              })
          .map(p -> CLI + "." + p + "..")
          .toArray(String[]::new);

  private static final String FOLLOW = CLI + ".follow..";

  /** The MCP server: a front end like LabCommand, over the command packages' reusable parts. */
  private static final String MCP = CLI + ".mcp..";

  /** The Java API: runs what run runs, for users' code and tests; no command uses it. */
  private static final String API = CLI + ".api..";

  @Test
  void commandPackagesDoNotDependOnEachOther() {
    slices()
        .matching(CLI + ".(*)..")
        .namingSlices("cli.$1")
        .should()
        .notDependOnEachOther()
        // what two commands share lives in cli.follow or the cli root, for both to use
        .ignoreDependency(alwaysTrue(), resideInAPackage(FOLLOW))
        // the MCP server is a front end: it uses the commands' library parts, as LabCommand lists
        // them
        .ignoreDependency(resideInAPackage(MCP), alwaysTrue())
        // the Java API runs an experiment on the embedded hub the way run does
        .ignoreDependency(resideInAPackage(API), resideInAPackage(CLI + ".run.."))
        .check(CLASSES);
  }

  @Test
  void onlyLabCommandKnowsTheMcpServer() {
    noClasses()
        .that()
        .resideOutsideOfPackage(MCP)
        .and()
        .doNotHaveFullyQualifiedName(LabCommand.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(MCP)
        .check(CLASSES);
  }

  @Test
  void theMcpServerUsesNoPicocliCommandOfAnotherPackage() {
    // it calls library entry points (HubRun, Renderer, LabFiles, KubeContext...), never a command
    noClasses()
        .that()
        .resideInAPackage(MCP)
        .should()
        .dependOnClassesThat(resideInAnyPackage(COMMANDS).and(simpleNameEndingWith("Command")))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("io.illm.lab.hub..")
        .check(CLASSES);
  }

  @Test
  void noCommandUsesTheJavaApi() {
    noClasses()
        .that()
        .resideOutsideOfPackage(API)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(API)
        .check(CLASSES);
  }

  @Test
  void theFollowerKnowsNoCommand() {
    noClasses()
        .that()
        .resideInAPackage(FOLLOW)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMMANDS)
        .check(CLASSES);
  }

  @Test
  void ofTheRootOnlyLabCommandKnowsTheCommands() {
    noClasses()
        .that()
        .resideInAPackage(CLI)
        .and()
        .doNotHaveFullyQualifiedName(LabCommand.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(COMMANDS)
        .check(CLASSES);
  }

  @Test
  void onlyRunStartsAnEmbeddedHub() {
    noClasses()
        .that()
        .resideOutsideOfPackages(CLI + ".run..", CLI + ".hub..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.illm.lab.hub..")
        .check(CLASSES);
  }

  @Test
  void hubCommandsUseTheLocalHubOnly() {
    // ./lab hub starts a real control plane in processes of its own, never the embedded hub
    noClasses()
        .that()
        .resideInAPackage(CLI + ".hub..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.illm.lab.hub..")
                .and(
                    com.tngtech.archunit.base.DescribedPredicate.not(
                        resideInAPackage("io.illm.lab.hub.local.."))))
        .check(CLASSES);
  }

  @Test
  void theAuthoringCommandsUseNothingLeftOffTheirClassPath() {
    // ./lab starts synth, validate and import without these jars (ADR-043)
    noClasses()
        .that()
        .resideInAPackage(CLI + ".authoring..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.illm.lab.hub..",
            "io.javaoperatorsdk..",
            "software.amazon..",
            "io.modelcontextprotocol..",
            "org.eclipse.jetty..",
            "io.netty..",
            "io.vertx..")
        .check(CLASSES);
  }
}
