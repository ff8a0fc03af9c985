package io.illm.lab.importer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.rules.Problem;
import java.util.List;

/**
 * What import produced: the objects, in file and then document order, and every problem found,
 * warnings (what was not carried over, and why) as well as errors.
 */
public record ImportResult(List<Imported> imported, List<Problem> problems) {

  public ImportResult {
    imported = List.copyOf(imported);
    problems = problems.stream().sorted(Problem.ORDER).toList();
  }

  /** The objects, in file and then document order. */
  public List<HasMetadata> objects() {
    return imported.stream().map(Imported::object).toList();
  }

  /** True when some problem is an error: the objects must not be used as they are. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
