package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.rules.ExperimentRules;
import io.illm.lab.rules.Problem;
import java.util.List;

/**
 * Whether the lifecycle may run a spec: the spec rules of {@code io.illm.lab.rules}, the same that
 * {@code ./lab validate} and the DSL run. The validator and the CRD schema normally catch every
 * problem first, but the engine must not trust that (a spec can arrive through any client); the
 * rules include what the lifecycle cannot run without (targets with a name and a provider, a
 * workflow template, readable durations).
 */
final class SpecCheck {

  private SpecCheck() {}

  /**
   * Every error the rules find in {@code spec}, each as {@code spec.path: message (hint)}; empty
   * when the lifecycle can run it. Warnings (a shortened name) do not stop a run.
   *
   * @param experiment the experiment's name, which the child objects' names derive from
   */
  static List<String> problems(String experiment, ExperimentSpec spec) {
    return ExperimentRules.check(experiment, spec).stream()
        .filter(Problem::isError)
        .map(Problem::toString)
        .toList();
  }
}
