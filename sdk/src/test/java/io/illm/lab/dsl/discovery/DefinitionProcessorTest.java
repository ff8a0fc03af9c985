package io.illm.lab.dsl.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor, run by javac on sources as a user writes them. */
class DefinitionProcessorTest {

  static final String APPS =
      """
      package com.acme.lab;

      import static io.illm.lab.dsl.Lab.*;

      import io.illm.lab.dsl.ComponentDef;
      import io.illm.lab.dsl.LabComponent;
      import io.illm.lab.model.Category;

      public final class Apps {
        @LabComponent
        public static final ComponentDef APP =
            component("app", Category.APPS).git("https://github.com/acme/lab.git", "apps/app", "main");

        public static final ComponentDef FORGOTTEN =
            component("forgotten", Category.APPS).git("https://github.com/acme/lab.git", "apps/f", "main");

        private static final ComponentDef HIDDEN = APP;

        public static final String NOT_A_DEFINITION = "app";
      }
      """;

  static final String SMOKE =
      """
      package com.acme.lab;

      import static io.illm.lab.dsl.Lab.*;

      import io.illm.lab.dsl.ExperimentDef;
      import io.illm.lab.dsl.LabExperiment;
      import io.illm.lab.model.CompletionMode;
      import io.illm.lab.model.Experiment;

      public final class Smoke {
        @LabExperiment
        public static Experiment build() {
          return base("smoke").build();
        }

        public static Experiment forgotten() {
          return base("forgotten").build();
        }

        /** A template: returns a builder, so it is not a definition. */
        public static ExperimentDef base(String name) {
          return experiment(name)
              .target(target("app").on(gke()).deploy(Apps.APP))
              .workflow(workflow("smoke-test"))
              .completeOn(CompletionMode.WORKFLOW);
        }

        public static final class Nested {
          @LabExperiment
          static ExperimentDef nested() {
            return base("nested");
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void indexesAnnotatedMembersAndThoseThatLookLikeDefinitions() {
    CompiledSources compiled =
        CompiledSources.compile(
            dir, Map.of("com.acme.lab.Apps", APPS, "com.acme.lab.Smoke", SMOKE));

    assertTrue(compiled.ok(), compiled.diagnostics());
    assertEquals(
        """
        # The definitions of this module, for ./lab; written by io.illm.lab.dsl.discovery.DefinitionProcessor
        component com.acme.lab.Apps#APP
        experiment com.acme.lab.Smoke#build()
        experiment com.acme.lab.Smoke$Nested#nested()
        unlisted-component com.acme.lab.Apps#FORGOTTEN
        unlisted-experiment com.acme.lab.Smoke#forgotten()
        """,
        compiled.index().orElseThrow());
  }

  @Test
  void classesWithoutDefinitionsGetNoIndex() {
    CompiledSources compiled =
        CompiledSources.compile(
            dir, Map.of("com.acme.Plain", "package com.acme; public class Plain { int x; }"));

    assertTrue(compiled.ok(), compiled.diagnostics());
    assertEquals(Optional.empty(), compiled.index());
  }

  @Test
  void aMemberTheCatalogueCannotCallDoesNotCompile() {
    Map<String, String> refused =
        Map.of(
            "instance",
            "@LabExperiment Experiment build() { return null; }",
            "parameters",
            "@LabExperiment static Experiment build(String name) { return null; }",
            "type",
            "@LabComponent static final String NAME = \"x\";",
            "both",
            "@LabExperiment @LabComponent static Experiment build() { return null; }");
    Map<String, String> expected =
        Map.of(
            "instance", "@LabExperiment needs a static member",
            "parameters", "@LabExperiment needs a method without parameters",
            "type",
                "@LabComponent goes on a member of type io.illm.lab.dsl.ComponentDef or"
                    + " io.illm.lab.model.Component, not java.lang.String",
            "both", "a member is either an experiment or a component");
    refused.forEach(
        (name, member) -> {
          CompiledSources compiled =
              CompiledSources.compile(
                  dir.resolve(name),
                  Map.of(
                      "com.acme.Bad",
                      "package com.acme;\nimport io.illm.lab.dsl.*;\nimport io.illm.lab.model.*;\n"
                          + "public class Bad {\n  "
                          + member
                          + "\n}\n"));
          assertFalse(compiled.ok(), name);
          assertTrue(
              compiled.diagnostics().contains("Bad.java:5: error: " + expected.get(name)),
              name + ": " + compiled.diagnostics());
        });
  }
}
