package io.illm.lab.validate;

import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.List;

/**
 * Checks experiments and components: structure against the generated CRD schema, then semantics
 * (unique names, depends exist and are acyclic, criteria name existing metrics, components exist in
 * the catalogue, derived names within Kubernetes and cloud limits, strings that survive YAML).
 *
 * <p>Every check runs and every problem is returned; nothing stops at the first.
 */
public final class Validator {

  private Validator() {}

  /**
   * Problems with one experiment. {@code file} names it in the problems (e.g. {@code
   * experiments/hello-app/experiment.yaml}, or {@code experiments/hello-app} from the DSL).
   */
  public static List<Problem> validate(String file, Experiment experiment, ComponentCatalogue catalogue) {
    // TODO(validate): schema and semantic checks; filled in by the validate work.
    return List.of();
  }

  /** Problems with one component. */
  public static List<Problem> validate(String file, Component component) {
    // TODO(validate): schema and semantic checks; filled in by the validate work.
    return List.of();
  }
}
