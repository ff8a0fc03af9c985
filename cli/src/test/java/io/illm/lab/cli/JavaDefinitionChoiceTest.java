package io.illm.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.dsl.discovery.CompiledSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * render, run and submit take a name as the Java definition of that name, as it is now: a budget
 * changed from 10 to 20 in Java is rendered as 20 even though the committed YAML still says 10, and
 * the command says the YAML is stale.
 */
class JavaDefinitionChoiceTest {

  private static final String SMOKE =
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
              .workflow(workflow("t"))
              .completeOn(CompletionMode.WORKFLOW)
              .budget(%d)
              .build();
        }
      }
      """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int withDefinitions(int budget, String... args) {
    CompiledSources compiled =
        CompiledSources.compile(
            dir.resolve("classes-" + budget), Map.of("com.acme.Smoke", SMOKE.formatted(budget)));
    assertTrue(compiled.ok(), compiled.diagnostics());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(compiled.loader());
    try {
      return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
          .execute(args);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void renderUsesTheJavaAsItIsNowAndSaysTheYamlIsStale() {
    Path root = dir.resolve("project");
    assertEquals(0, withDefinitions(10, "synth", "--root", root.toString()), err.toString());

    assertEquals(
        0, withDefinitions(20, "render", "smoke", "--root", root.toString()), err.toString());

    assertTrue(out.toString().contains("(spec.budget.maxUSD $20.00)"), out.toString());
    assertTrue(
        err.toString()
            .contains(
                "render: smoke: the Java definition com.acme.Smoke.build();"
                    + " experiments/smoke/experiment.yaml is stale: synth rewrites it"),
        err.toString());
  }

  @Test
  void renderSaysWhenTheYamlIsUpToDate() {
    Path root = dir.resolve("project");
    assertEquals(0, withDefinitions(10, "synth", "--root", root.toString()), err.toString());

    assertEquals(
        0, withDefinitions(10, "render", "smoke", "--root", root.toString()), err.toString());

    assertTrue(out.toString().contains("(spec.budget.maxUSD $10.00)"), out.toString());
    assertTrue(
        err.toString().contains("experiments/smoke/experiment.yaml is up to date"), err.toString());
  }
}
