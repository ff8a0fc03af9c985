package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.illm.lab.dsl.InMemoryJava;
import io.illm.lab.dsl.JavaSource;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example, rendered back into DSL Java by {@link JavaSource}, compiled and run, gives the
 * same YAML bytes: what {@code ./lab import --java} promises for imported files.
 */
class JavaSourceRoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyExperiment() {
    List<Experiment> experiments = Definitions.onClasspath().experiments();
    assertFalse(experiments.isEmpty());
    return experiments.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getMetadata().getName(),
                    () -> {
                      String cls = JavaSource.className(e.getMetadata().getName());
                      Object rebuilt =
                          InMemoryJava.build(
                              "imported." + cls, JavaSource.experiment("imported", cls, e));
                      assertEquals(LabYaml.write(e), LabYaml.write(rebuilt));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyComponent() {
    List<Component> components = Definitions.onClasspath().components();
    assertFalse(components.isEmpty());
    return components.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getMetadata().getName(),
                    () -> {
                      String cls = JavaSource.className(c.getMetadata().getName());
                      Object rebuilt =
                          InMemoryJava.build(
                              "imported." + cls, JavaSource.component("imported", cls, c));
                      assertEquals(LabYaml.write(c), LabYaml.write(rebuilt));
                    }));
  }
}
