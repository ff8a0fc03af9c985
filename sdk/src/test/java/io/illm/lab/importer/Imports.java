package io.illm.lab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Small assertions over import results, shared by the importer tests. */
final class Imports {

  private Imports() {}

  /** The one object of a result that must have no errors. */
  static <T extends HasMetadata> T single(ImportResult result, Class<T> type) {
    assertFalse(result.hasErrors(), () -> "unexpected errors:\n" + render(result.problems()));
    assertEquals(1, result.objects().size(), () -> "objects: " + result.objects());
    return type.cast(result.objects().get(0));
  }

  /** The problem at {@code path}; fails listing all problems when there is none or several. */
  static Problem at(ImportResult result, String path) {
    List<Problem> found = result.problems().stream().filter(p -> p.path().equals(path)).toList();
    if (found.size() != 1) {
      fail("expected one problem at " + path + ", found:\n" + render(result.problems()));
    }
    return found.get(0);
  }

  /** Every problem path with its severity, sorted: {@code spec.series WARNING}. */
  static List<String> paths(ImportResult result) {
    return result.problems().stream().map(p -> p.path() + " " + p.severity()).sorted().toList();
  }

  static String render(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
