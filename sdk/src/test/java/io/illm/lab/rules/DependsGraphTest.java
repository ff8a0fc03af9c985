package io.illm.lab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependsGraphTest {

  private static Target target(String name, String... depends) {
    return new Target(name, null, null, null, depends.length == 0 ? null : List.of(depends));
  }

  @Test
  void anAcyclicGraphHasNoCycles() {
    assertEquals(
        List.of(),
        DependsGraph.cycles(List.of(target("a"), target("b", "a"), target("c", "a", "b"))));
  }

  @Test
  void eachCycleIsFoundOnceStartingAtItsFirstTarget() {
    List<Target> targets =
        List.of(target("c", "b"), target("a", "c"), target("b", "a"), target("d", "d", "ghost"));
    assertEquals(List.of(List.of(0, 2, 1)), DependsGraph.cycles(targets));
  }

  @Test
  void twoCyclesThroughOneTargetAreBothFound() {
    List<Target> targets = List.of(target("a", "b", "c"), target("b", "a"), target("c", "a"));
    assertEquals(List.of(List.of(0, 1), List.of(0, 2)), DependsGraph.cycles(targets));
  }

  @Test
  void missingTargetsNamesAndDependsAreNoEdges() {
    List<Target> targets = new ArrayList<>();
    targets.add(null);
    targets.add(target(null, "a"));
    targets.add(new Target("a", null, null, null, java.util.Arrays.asList((String) null)));
    assertEquals(List.of(), DependsGraph.cycles(targets));
  }

  @Test
  void aDuplicateNameStandsForItsFirstTarget() {
    List<Target> targets = List.of(target("a", "b"), target("b", "a"), target("a"));
    assertEquals(List.of(List.of(0, 1)), DependsGraph.cycles(targets));
  }
}
