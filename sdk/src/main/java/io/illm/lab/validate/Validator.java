package io.illm.lab.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.ComponentRules;
import io.illm.lab.rules.ExperimentRules;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks experiments and components: structure against the generated CRD schema, then semantics
 * (unique names, depends exist and are acyclic, criteria name existing metrics, components exist in
 * the catalogue, derived names within Kubernetes and cloud limits, strings that survive YAML).
 *
 * <p>Every check runs and every problem is returned, sorted by {@link Problem#ORDER}; nothing stops
 * at the first. The CRD's CEL rules ({@code x-kubernetes-validations}) each have a twin here,
 * because the mock API server used in tests does not evaluate them.
 */
public final class Validator {

  private static final String EXPERIMENTS = "experiments";
  private static final String COMPONENTS = "components";
  private static final int MAX_BIND_ATTEMPTS = 50;

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
    semantics(file, experiment, catalogue, problems);
    return sorted(problems);
  }

  /**
   * The rules of one experiment ({@link ExperimentRules}) without the structure: for experiments
   * whose structure the DSL's {@code build()} has already checked. A null catalogue is an empty
   * one.
   */
  public static List<Problem> validateReferences(
      String file, Experiment experiment, ComponentCatalogue catalogue) {
    List<Problem> problems = new ArrayList<>();
    semantics(file, experiment, catalogue, problems);
    return sorted(problems);
  }

  /** Problems with one component. */
  public static List<Problem> validate(String file, Component component) {
    JsonNode document = LabYaml.writer().valueToTree(component);
    List<Problem> problems = structure(file, document, Component.KIND, COMPONENTS);
    semantics(file, component, problems);
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
        .ifPresent(e -> semantics(file, e, catalogue, problems));
    return sorted(problems);
  }

  /** Problems with a component read from YAML; see {@link #validateExperiment}. */
  public static List<Problem> validateComponent(String file, JsonNode document) {
    List<Problem> problems = structure(file, document, Component.KIND, COMPONENTS);
    bind(file, document, Component.class, problems).ifPresent(c -> semantics(file, c, problems));
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

  private static void semantics(
      String file, Experiment experiment, ComponentCatalogue catalogue, List<Problem> problems) {
    ComponentCatalogue components =
        catalogue == null ? ComponentCatalogue.of(List.of()) : catalogue;
    String name = experiment.getMetadata() == null ? null : experiment.getMetadata().getName();
    ExperimentRules.check(name, experiment.getSpec(), components)
        .forEach(problem -> problems.add(problem.inFile(file)));
  }

  private static void semantics(String file, Component component, List<Problem> problems) {
    ComponentRules.check(component.getSpec())
        .forEach(problem -> problems.add(problem.inFile(file)));
  }

  /**
   * Binds the document leniently: unknown fields are ignored and a value that cannot be bound (a
   * string where a number belongs) is dropped and the binding retried, so that the semantic checks
   * still run on everything else. The schema has already reported both.
   */
  private static <T> Optional<T> bind(
      String file, JsonNode document, Class<T> type, List<Problem> problems) {
    if (!document.isObject()) {
      return Optional.empty();
    }
    ObjectReader reader =
        LabYaml.reader().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    JsonNode pruned = document.deepCopy();
    for (int attempt = 0; attempt < MAX_BIND_ATTEMPTS; attempt++) {
      try {
        return Optional.ofNullable(reader.readValue(pruned));
      } catch (JsonMappingException e) {
        if (!prune(pruned, e.getPath())) {
          break;
        }
      } catch (IOException | IllegalArgumentException e) {
        break;
      }
    }
    if (problems.stream().noneMatch(Problem::isError)) {
      problems.add(
          Problem.error(file, "", "cannot read the document as " + type.getSimpleName(), ""));
    }
    return Optional.empty();
  }

  private static boolean prune(JsonNode root, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return false;
    }
    JsonNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonMappingException.Reference ref = path.get(i);
      parent =
          ref.getFieldName() != null
              ? parent.path(ref.getFieldName())
              : parent.path(ref.getIndex());
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object
        && last.getFieldName() != null
        && object.has(last.getFieldName())) {
      object.remove(last.getFieldName());
      return true;
    }
    if (parent instanceof ArrayNode array
        && last.getIndex() >= 0
        && last.getIndex() < array.size()) {
      array.remove(last.getIndex());
      return true;
    }
    return false;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().distinct().sorted(Problem.ORDER).toList();
  }
}
