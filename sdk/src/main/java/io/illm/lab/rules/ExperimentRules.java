package io.illm.lab.rules;

import io.illm.lab.model.ExperimentSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of an experiment, on the model alone: the one set of semantic checks that the DSL's
 * {@code build()}, {@code ./lab synth}, {@code ./lab validate} and the operator's lifecycle all
 * run.
 *
 * <p>What they check: the fields an experiment cannot run without are there (targets with a name
 * and a cluster provider, a workflow with its template and completion, a query per metric), target
 * names are unique, {@code depends} name other targets without cycles, cluster shapes fit their
 * provider, component references name exactly one component, metric names are unique and criteria
 * name existing metrics and targets, cleanup, deadlines and budget are sound, durations are well
 * formed, a tutorial's services have unique names and name targets of the experiment, and the child
 * object names derived from the experiment fit their limits; with a catalogue, referenced
 * components exist, have the referenced type and take the params given.
 *
 * <p>Every problem is returned at once, sorted by {@link Problem#ORDER}, with the field path (from
 * {@code spec}, or {@code metadata.name}) and a hint; none carries a file, which the caller adds
 * ({@link Problem#inFile}). No YAML, files or schema here: those stay with {@code validate}.
 */
public final class ExperimentRules {

  /** How long a cluster may be retained after the experiment: a forgotten cluster costs money. */
  public static final Duration MAX_RETAIN = Duration.ofHours(168);

  /** The longest duration anywhere in a spec: longer than a year is a typo. */
  public static final Duration MAX_DURATION = Duration.ofDays(366);

  /** The total deadline when the spec sets none. */
  public static final Duration DEFAULT_TOTAL = Duration.ofHours(6);

  private ExperimentRules() {}

  /**
   * Every problem with an experiment that can be found without its components' definitions.
   *
   * @param name the experiment's name ({@code metadata.name}), for the derived names; may be null
   * @param spec its spec; a null spec is one problem
   */
  public static List<Problem> check(String name, ExperimentSpec spec) {
    List<Problem> problems = new ArrayList<>();
    if (new RequiredFields(problems).check(spec)) {
      new TargetRules(spec.getTargets(), problems).check();
      new SpecRules(spec, problems).check();
      new TutorialRules(spec, problems).check();
      new ComponentRefRules(problems).checkShapes(spec.getTargets());
      new DerivedNameRules(problems).check(name, spec.getTargets());
    }
    return sorted(problems);
  }

  /**
   * Every problem with an experiment: {@link #check(String, ExperimentSpec)} and {@link
   * #references}.
   */
  public static List<Problem> check(String name, ExperimentSpec spec, KnownComponents components) {
    List<Problem> problems = new ArrayList<>(check(name, spec));
    problems.addAll(references(spec, components));
    return sorted(problems);
  }

  /**
   * The problems only a catalogue reveals: each well-formed component reference names a known
   * component (when the view is {@link KnownComponents#complete() complete}) of the referenced
   * type, sets its required parameters, and gives only params it can take, of their declared types.
   */
  public static List<Problem> references(ExperimentSpec spec, KnownComponents components) {
    List<Problem> problems = new ArrayList<>();
    if (spec != null) {
      new ComponentRefRules(problems).checkAgainst(components, spec.getTargets());
    }
    return sorted(problems);
  }

  /**
   * The problems only the lab's WorkflowTemplates reveal: the template exists (when the view is
   * {@link KnownTemplates#complete() complete}), every {@code params} entry is a parameter it
   * declares, and every parameter it declares without a default gets a value.
   */
  public static List<Problem> workflow(ExperimentSpec spec, KnownTemplates templates) {
    List<Problem> problems = new ArrayList<>();
    if (spec != null) {
      new WorkflowRules(problems).check(spec, templates);
    }
    return sorted(problems);
  }

  static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().distinct().sorted(Problem.ORDER).toList();
  }
}
