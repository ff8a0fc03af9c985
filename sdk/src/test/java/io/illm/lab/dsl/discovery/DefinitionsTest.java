package io.illm.lab.dsl.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definitions found on a class path the way {@code ./lab} finds them. */
class DefinitionsTest {

  @TempDir Path dir;

  private Definitions load(Map<String, String> sources) {
    CompiledSources compiled = CompiledSources.compile(dir, sources);
    assertTrue(compiled.ok(), compiled.diagnostics());
    return Definitions.load(compiled.loader());
  }

  @Test
  void annotatedDefinitionsAreBuiltAndTheForgottenOnesNamedWithTheFix() {
    Definitions found =
        load(
            Map.of(
                "com.acme.lab.Apps",
                DefinitionProcessorTest.APPS,
                "com.acme.lab.Smoke",
                DefinitionProcessorTest.SMOKE));

    assertEquals(List.of("nested", "smoke"), found.experimentNames());
    assertEquals(List.of("app"), found.components().stream().map(this::name).toList());
    assertEquals(Optional.of("com.acme.lab.Smoke.build()"), found.origin("smoke"));
    assertEquals(Optional.of("com.acme.lab.Smoke.Nested.nested()"), found.origin("nested"));
    assertEquals("the definitions in com.acme.lab", found.source());
    assertEquals(
        List.of(
            "com.acme.lab.Apps: FORGOTTEN: warning: looks like a component (forgotten) but no"
                + " catalogue lists it, so synth, validate, render, run and submit do not see it"
                + " (annotate it with @LabComponent (io.illm.lab.dsl.LabComponent))",
            "com.acme.lab.Smoke: forgotten(): warning: looks like an experiment (forgotten) but no"
                + " catalogue lists it, so synth, validate, render, run and submit do not see it"
                + " (annotate it with @LabExperiment (io.illm.lab.dsl.LabExperiment))"),
        found.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aDefinitionAHandWrittenCatalogueListsIsNotReported() {
    String catalogue =
        """
        package com.acme.lab;

        import io.illm.lab.dsl.Catalogue;
        import io.illm.lab.model.Component;
        import io.illm.lab.model.Experiment;
        import java.util.List;

        public final class HandCatalogue implements Catalogue {
          public List<Component> components() { return List.of(Apps.FORGOTTEN.build()); }
          public List<Experiment> experiments() { return List.of(Smoke.forgotten()); }
        }
        """;
    CompiledSources compiled =
        CompiledSources.compile(
            dir,
            Map.of(
                "com.acme.lab.Apps", DefinitionProcessorTest.APPS,
                "com.acme.lab.Smoke", DefinitionProcessorTest.SMOKE,
                "com.acme.lab.HandCatalogue", catalogue));
    Definitions found =
        Definitions.load(compiled.withCatalogue("com.acme.lab.HandCatalogue").loader());

    assertEquals(List.of(), found.problems());
    assertEquals(List.of("forgotten", "nested", "smoke"), found.experimentNames());
    assertEquals(Optional.of("com.acme.lab.HandCatalogue"), found.origin("forgotten"));
    assertEquals("com.acme.lab.HandCatalogue and the definitions in com.acme.lab", found.source());
  }

  @Test
  void aDefinitionThatDoesNotBuildIsAnErrorAndTheOthersAreStillThere() {
    String broken =
        """
        package com.acme.lab;

        import static io.illm.lab.dsl.Lab.*;

        import io.illm.lab.dsl.LabExperiment;
        import io.illm.lab.model.Experiment;

        public final class Broken {
          @LabExperiment
          public static Experiment invalid() {
            return experiment("invalid").target(target("app").on(gke()).deploy(Apps.APP)).build();
          }

          @LabExperiment
          public static Experiment crashes() {
            String missing = null;
            return experiment(missing.trim()).build();
          }
        }
        """;
    Definitions found =
        load(
            Map.of(
                "com.acme.lab.Apps", DefinitionProcessorTest.APPS,
                "com.acme.lab.Smoke", DefinitionProcessorTest.SMOKE,
                "com.acme.lab.Broken", broken));

    assertEquals(List.of("nested", "smoke"), found.experimentNames());
    List<String> errors =
        found.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    assertEquals(
        List.of(
            "com.acme.lab.Broken: crashes(): threw NullPointerException: Cannot invoke"
                + " \"String.trim()\" because \"<local0>\" is null (Broken.java:17) (fix the"
                + " definition, then build again)",
            "experiments/invalid: spec.workflow: an experiment needs a workflow (add workflow with"
                + " a template (the WorkflowTemplate to run) and a completion)"),
        errors);
    assertEquals(1, found.problemsOf("invalid").size());
    assertEquals(List.of(), found.problemsOf("smoke"));
  }

  @Test
  void twoDefinitionsOfOneNameAreAnError() {
    String twice =
        """
        package com.acme.lab;

        import io.illm.lab.dsl.LabExperiment;
        import io.illm.lab.model.Experiment;

        public final class Twice {
          @LabExperiment
          public static Experiment again() {
            return Smoke.build();
          }
        }
        """;
    Definitions found =
        load(
            Map.of(
                "com.acme.lab.Apps", DefinitionProcessorTest.APPS,
                "com.acme.lab.Smoke", DefinitionProcessorTest.SMOKE,
                "com.acme.lab.Twice", twice));

    assertTrue(
        found.problems().stream()
            .anyMatch(
                p ->
                    p.toString()
                        .equals(
                            "experiments/smoke: metadata.name: two experiments are named smoke:"
                                + " com.acme.lab.Smoke.build() and com.acme.lab.Twice.again()"
                                + " (rename one of them)")),
        found.problems().toString());
  }

  @Test
  void nothingOnTheClassPathIsEmpty() {
    Definitions found = Definitions.load(new java.net.URLClassLoader(new java.net.URL[0], null));
    assertTrue(found.isEmpty());
    assertEquals("", found.source());
  }

  private String name(Component c) {
    return c.getMetadata().getName();
  }

  @SuppressWarnings("unused")
  private String name(Experiment e) {
    return e.getMetadata().getName();
  }
}
