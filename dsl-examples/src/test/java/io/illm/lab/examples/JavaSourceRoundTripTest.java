package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.dsl.InMemoryJava;
import io.illm.lab.dsl.JavaSource;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.stream.Collectors;
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
    List<Experiment> experiments = new LabCatalogue().experiments();
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
    List<Component> components = new LabCatalogue().components();
    assertEquals(
        13,
        components.stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet()).size());
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
