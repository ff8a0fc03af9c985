package io.illm.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.illm.lab.dsl.discovery.CompiledSources;
import io.illm.lab.dsl.discovery.IndexEntry;
import io.illm.lab.site.SampleSummaries;
import io.illm.lab.validate.LabCheckout;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-code table of README.md ({@link ExitCodes}), command by command: each row is one command
 * in one situation and the code the table promises for it.
 */
@Timeout(120)
class ExitCodeTableTest {

  private static final Path ROOT = LabCheckout.ROOT;
  private static final String DEFINITION =
      """
      package com.acme;

      import static io.illm.lab.dsl.Lab.*;

      import io.illm.lab.dsl.ComponentDef;
      import io.illm.lab.dsl.LabComponent;
      import io.illm.lab.dsl.LabExperiment;
      import io.illm.lab.model.Category;
      import io.illm.lab.model.CompletionMode;
      import io.illm.lab.model.Experiment;

      public final class Smoke {
        @LabComponent
        public static final ComponentDef APP =
            component("app", Category.APPS).git("https://github.com/acme/lab.git", "app", "main");

        @LabExperiment
        public static Experiment build() {
          return experiment("smoke")
              .target(target("app").on(gke()).deploy(APP))
              %s
              .build();
        }
      }
      """;

  @TempDir static Path dir;
  private static Fixture fixture;

  /** The files and class paths the rows use, made once. */
  record Fixture(
      Path dir,
      URLClassLoader valid,
      URLClassLoader invalid,
      URLClassLoader corrupt,
      Path results,
      Path kubeconfig,
      Path closedPort,
      Path garbage) {}

  /**
   * One row: a command in a situation, and its code.
   *
   * @param situation what the row is about
   * @param args the command line, from the fixture
   * @param loader the class path the command sees (its definitions), or null for the test's own
   * @param code the code the table says
   */
  record Row(
      String situation,
      Function<Fixture, List<String>> args,
      Function<Fixture, ClassLoader> loader,
      int code) {
    @Override
    public String toString() {
      return situation;
    }
  }

  private static KubernetesMockServer server;

  @BeforeAll
  static void fixture() throws Exception {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesMixedDispatcher(new HashMap<>()),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = server.createClient();
        InputStream crd =
            Files.newInputStream(
                ROOT.resolve("generated-crds/experiments.experiments.illm.io.yaml"))) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
    Files.createDirectories(corrupt.resolve(IndexEntry.INDEX).getParent());
    Files.writeString(corrupt.resolve(IndexEntry.INDEX), "not an index\n");
    fixture =
        new Fixture(
            dir,
            compiled("valid", ".workflow(workflow(\"t\")).completeOn(CompletionMode.WORKFLOW)"),
            compiled("invalid", ""),
            new URLClassLoader(new java.net.URL[] {corrupt.toUri().toURL()}),
            SampleSummaries.results(dir),
            kubeconfig("mock", "http://" + server.getHostName() + ":" + server.getPort()),
            kubeconfig("closed", "http://127.0.0.1:" + closedPort()),
            Files.writeString(
                dir.resolve("garbage.kubeconfig"), "clusters: [{name: a\nusers: x\n"));
  }

  @AfterAll
  static void stop() {
    server.destroy();
  }

  static Stream<Row> rows() {
    return Stream.of(
        row(
            "synth: written",
            f -> List.of("synth", "--root", f.dir().resolve("synth").toString()),
            Fixture::valid,
            0),
        row(
            "synth --check: stale",
            f -> List.of("synth", "--check", "--root", f.dir().resolve("empty").toString()),
            Fixture::valid,
            1),
        row(
            "synth: a definition that does not build",
            f -> List.of("synth", "--root", f.dir().toString()),
            Fixture::invalid,
            2),
        row(
            "synth: a corrupt index (a bug or a broken build)",
            f -> List.of("synth", "--check"),
            Fixture::corrupt,
            70),
        row(
            "validate: valid",
            f ->
                List.of(
                    "validate",
                    yaml("experiments/hello-app/experiment.yaml"),
                    "--catalogue",
                    yaml("components")),
            null,
            0),
        row(
            "validate: the project, a definition that does not build",
            f -> List.of("validate", "--root", f.dir().toString()),
            Fixture::invalid,
            2),
        row("validate: no such path", f -> List.of("validate", "nope.yaml"), null, 2),
        row("import: ok", f -> List.of("import", yaml("components/apps/hello-app.yaml")), null, 0),
        row("import: an unknown option", f -> List.of("import", "--nope", "x.yaml"), null, 2),
        row("render: ok", f -> List.of("render", "hello-app", "--root", ROOT.toString()), null, 0),
        row(
            "render: no such experiment",
            f -> List.of("render", "hello-ap", "--root", ROOT.toString()),
            null,
            2),
        row("run: Complete", f -> run(f, "hello-app"), null, 0),
        row("run: Failed", f -> run(f, "hello-app", "--fail-workflow"), null, 1),
        row("run: no such experiment", f -> run(f, "hello-ap"), null, 2),
        row("run: the Java definition, Complete", f -> run(f, "smoke"), Fixture::valid, 0),
        row("submit: created (--no-wait)", f -> submit(f.kubeconfig(), "--no-wait"), null, 0),
        row(
            "submit: no such experiment",
            f -> List.of("submit", "hello-ap", "--root", ROOT.toString()),
            null,
            2),
        row("submit: the cluster does not answer", f -> submit(f.closedPort()), null, 3),
        row("submit: an unreadable kubeconfig", f -> submit(f.garbage()), null, 3),
        row(
            "results: printed",
            f -> List.of("results", "hello-sim", "--dir", f.results().toString()),
            null,
            0),
        row(
            "results: no such run",
            f -> List.of("results", "hello-simm", "--dir", f.results().toString()),
            null,
            2),
        row(
            "site: built",
            f ->
                List.of(
                    "site", f.results().toString(), "--out", f.dir().resolve("site").toString()),
            null,
            0),
        row(
            "site: an unreadable summary",
            f -> List.of("site", broken(f), "--out", f.dir().resolve("site2").toString()),
            null,
            2),
        row(
            "hub status: no hub",
            f -> List.of("hub", "status", "--state", f.dir().resolve("no-hub").toString()),
            null,
            1),
        row(
            "hub down: nothing running",
            f -> List.of("hub", "down", "--state", f.dir().resolve("no-hub").toString()),
            null,
            0),
        row("hub: an unknown subcommand", f -> List.of("hub", "sideways"), null, 2),
        row("init: created", f -> List.of("init", f.dir().resolve("project").toString()), null, 0),
        row("init: not an empty folder", f -> List.of("init", f.dir().toString()), null, 2),
        row("an unknown command", f -> List.of("nope"), null, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void everyCommandFollowsTheTable(Row row) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    if (row.loader() != null) {
      thread.setContextClassLoader(row.loader().apply(fixture));
    }
    try {
      int code =
          LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
              .execute(row.args().apply(fixture).toArray(String[]::new));
      assertEquals(row.code(), code, row + "\nstdout:\n" + out + "\nstderr:\n" + err);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void theReadmeTableHasEveryCodeAndNoOther() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String table = readme.substring(readme.indexOf("## Exit codes"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("|---")));
    List<String> codes =
        table.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).map(l -> l.split(" ")[1]).toList();
    assertEquals(
        List.of(
                ExitCodes.OK,
                ExitCodes.FAILED,
                ExitCodes.INVALID,
                ExitCodes.UNREACHABLE,
                ExitCodes.INTERNAL)
            .stream()
            .map(String::valueOf)
            .toList(),
        codes);
  }

  private static Row row(
      String situation,
      Function<Fixture, List<String>> args,
      Function<Fixture, ClassLoader> loader,
      int code) {
    return new Row(situation, args, loader, code);
  }

  private static String yaml(String relative) {
    return ROOT.resolve(relative).toString();
  }

  private static List<String> run(Fixture f, String name, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                name,
                "--instant",
                "--no-site",
                "--root",
                ROOT.toString(),
                "--results",
                f.dir().resolve("runs").toString()));
    args.addAll(List.of(more));
    return args;
  }

  private static List<String> submit(Path kubeconfig, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "submit",
                "hello-app",
                "--root",
                ROOT.toString(),
                "--kubeconfig",
                kubeconfig.toString()));
    args.addAll(List.of(more));
    return args;
  }

  private static String broken(Fixture f) {
    try {
      Path file = f.dir().resolve("broken/summary.json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "{\"schemaVersion\": 1, \"simulated\": \"maybe\"}");
      return file.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static URLClassLoader compiled(String name, String workflow) {
    CompiledSources compiled =
        CompiledSources.compile(
            dir.resolve(name), Map.of("com.acme.Smoke", DEFINITION.formatted(workflow)));
    if (!compiled.ok()) {
      throw new AssertionError(compiled.diagnostics());
    }
    return compiled.loader();
  }

  private static Path kubeconfig(String name, String server) throws IOException {
    return Files.writeString(
        dir.resolve(name + ".kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        current-context: %1$s
        contexts: [{name: %1$s, context: {cluster: k, user: u}}]
        clusters: [{name: k, cluster: {server: "%2$s"}}]
        users: [{name: u, user: {token: t}}]
        """
            .formatted(name, server));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
