package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.ComponentRules;
import io.illm.lab.rules.ExperimentRules;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks experiments and components: structure against the generated CRD schema (with the metadata
 * and strings that must survive YAML), then the rules of {@code io.illm.lab.rules} on the model
 * ({@link ExperimentRules}, {@link ComponentRules}): the same rules the DSL, synth and the operator
 * run.
 *
 * <p>Every check runs and every problem is returned, sorted by {@link Problem#ORDER}; nothing stops
 * at the first. The constraints of the schema the rules check themselves (the CEL rules, the fields
 * an experiment cannot run without, the format of durations) are taken out of the schema, so that
 * each is reported once ({@link RuleOwnedConstraints}).
 */
public final class Validator {

  private static final String EXPERIMENTS = "experiments";
  private static final String COMPONENTS = "components";

  private Validator() {}

  /**
   * Problems with one experiment. {@code file} names it in the problems (e.g. {@code
   * experiments/hello-app/experiment.yaml}, or {@code experiments/hello-app} from the DSL). A null
   * catalogue is an empty one: every component reference is then unknown.
   */
  public static List<Problem> validate(
      String file, Experiment experiment, ComponentCatalogue catalogue) {
    JsonNode document = LabYaml.writer().valueToTree(experiment);
    List<Problem> problems = structure(file, document, Experiment.KIND, EXPERIMENTS);
    problems.addAll(semantics(file, experiment, catalogue));
    return sorted(problems);
  }

  /** Problems with one component. */
  public static List<Problem> validate(String file, Component component) {
    JsonNode document = LabYaml.writer().valueToTree(component);
    List<Problem> problems = structure(file, document, Component.KIND, COMPONENTS);
    problems.addAll(semantics(file, component));
    return sorted(problems);
  }

  /**
   * Problems with an experiment read from YAML, before it is bound to the model: wrong types,
   * unknown fields and missing required fields are reported with their paths. The semantic checks
   * run when the document can be bound despite its problems.
   */
  public static List<Problem> validateExperiment(
      String file, JsonNode document, ComponentCatalogue catalogue) {
    List<Problem> problems = structure(file, document, Experiment.KIND, EXPERIMENTS);
    bind(file, document, Experiment.class, problems)
        .ifPresent(
            bound -> problems.addAll(readable(bound, semantics(file, bound.value(), catalogue))));
    return sorted(problems);
  }

  /** Problems with a component read from YAML; see {@link #validateExperiment}. */
  public static List<Problem> validateComponent(String file, JsonNode document) {
    List<Problem> problems = structure(file, document, Component.KIND, COMPONENTS);
    bind(file, document, Component.class, problems)
        .ifPresent(bound -> problems.addAll(readable(bound, semantics(file, bound.value()))));
    return sorted(problems);
  }

  /**
   * Throws {@link InvalidInputException} when there is an error; returns the warnings otherwise.
   */
  public static List<Problem> requireValid(String what, List<Problem> problems) {
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new InvalidInputException(what, problems);
    }
    return problems;
  }

  private static List<Problem> structure(
      String file, JsonNode document, String kind, String plural) {
    List<Problem> problems = new ArrayList<>();
    if (!document.isObject()) {
      problems.add(
          Problem.error(
              file,
              "",
              "expected a "
                  + kind
                  + " object, found "
                  + document.getNodeType().name().toLowerCase(),
              "start the document with apiVersion: " + Experiment.API_VERSION));
      return problems;
    }
    problems.addAll(Metadata.checkHeader(file, document, kind));
    problems.addAll(Metadata.checkMetadata(file, document.path("metadata"), kind));
    problems.addAll(CrdSchema.forPlural(plural).check(file, document));
    YamlSafeStrings.check(file, "", document, problems);
    return problems;
  }

  /**
   * The rules' problems with a leniently bound document, but for fields whose value could not be
   * read: the schema has reported those, and a rule calling them missing would say it twice.
   */
  private static List<Problem> readable(LenientBinding.Bound<?> bound, List<Problem> found) {
    return found.stream().filter(p -> !bound.unread().contains(p.path())).toList();
  }

  /** The rules of an experiment ({@link ExperimentRules}), its problems in {@code file}. */
  private static List<Problem> semantics(
      String file, Experiment experiment, ComponentCatalogue catalogue) {
    ComponentCatalogue components =
        catalogue == null ? ComponentCatalogue.of(List.of()) : catalogue;
    String name = experiment.getMetadata() == null ? null : experiment.getMetadata().getName();
    return inFile(file, ExperimentRules.check(name, experiment.getSpec(), components));
  }

  /** The rules of a component ({@link ComponentRules}), its problems in {@code file}. */
  private static List<Problem> semantics(String file, Component component) {
    String name = component.getMetadata() == null ? null : component.getMetadata().getName();
    return inFile(file, ComponentRules.check(name, component.getSpec()));
  }

  private static List<Problem> inFile(String file, List<Problem> problems) {
    return problems.stream().map(p -> p.inFile(file)).toList();
  }

  /**
   * The document bound leniently ({@link LenientBinding}); when it cannot be bound at all, an error
   * unless the schema found one already.
   */
  private static <T> Optional<LenientBinding.Bound<T>> bind(
      String file, JsonNode document, Class<T> type, List<Problem> problems) {
    Optional<LenientBinding.Bound<T>> bound = LenientBinding.bind(document, type);
    if (bound.isEmpty() && document.isObject() && problems.stream().noneMatch(Problem::isError)) {
      problems.add(
          Problem.error(file, "", "cannot read the document as " + type.getSimpleName(), ""));
    }
    return bound;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().distinct().sorted(Problem.ORDER).toList();
  }
}
