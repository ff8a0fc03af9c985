package io.illm.lab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Findings;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.Validator;
import io.illm.lab.validate.YamlDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files imported together. Validation waits for all of them, so that an experiment's components can
 * be looked up among the components imported with it.
 */
final class Batch {

  private final Category category;
  private final List<Imported> imported = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  /** Where an imported object is, as problems name it: the file (and document), the path prefix. */
  private record Origin(String shown, String prefix) {}

  /**
   * @param category when not null, the category of every original component
   */
  Batch(Category category) {
    this.category = category;
  }

  void fail(String file, String message, String hint) {
    problems.add(Problem.error(file, "", message, hint));
  }

  /** Maps and binds every document of one file. */
  void add(String file, String yaml) {
    List<JsonNode> documents = documents(file, yaml);
    for (int i = 0; i < documents.size(); i++) {
      // Problems of the second document of a file must say which document they are in.
      String shown = documents.size() == 1 ? file : file + "#" + (i + 1);
      JsonNode document = documents.get(i);
      JsonNode items = document.path("items");
      if (document.path("kind").asText("").endsWith("List") && items.isArray()) {
        // kubectl get -o yaml: each item is a document; problems are under items[n].
        for (int n = 0; n < items.size(); n++) {
          add(file, shown, FieldPath.index("items", n), items.get(n));
        }
      } else {
        add(file, shown, "", document);
      }
    }
  }

  private void add(String file, String shown, String prefix, JsonNode document) {
    Findings findings = new Findings(shown, prefix);
    document(document, file, findings)
        .ifPresent(
            object -> {
              imported.add(new Imported(file, object));
              origins.add(new Origin(shown, prefix));
            });
    problems.addAll(findings.problems());
  }

  private List<JsonNode> documents(String file, String yaml) {
    // The shared reader refuses aliases, deep nesting and oversized documents, which Jackson's
    // YAML parser would otherwise read silently wrong or slowly.
    YamlDocuments parsed = YamlDocuments.parse(yaml, file);
    if (!parsed.problems().isEmpty()) {
      parsed
          .problems()
          .forEach(
              p ->
                  problems.add(
                      Problem.error(
                          p.file(),
                          p.path(),
                          p.message(),
                          p.hint().isEmpty()
                              ? "fix the YAML; nothing from this file was imported"
                              : p.hint())));
      return List.of();
    }
    if (parsed.documents().isEmpty()) {
      problems.add(Problem.warning(file, "", "no documents: nothing to import", ""));
    }
    return parsed.documents();
  }

  private Optional<HasMetadata> document(JsonNode document, String file, Findings findings) {
    if (!(document instanceof ObjectNode tree)) {
      findings.error("", "a document must be a map with apiVersion, kind, metadata and spec", "");
      return Optional.empty();
    }
    String kind = tree.path("kind").asText("");
    String apiVersion = tree.path("apiVersion").asText("");
    if (!kind.equals(Experiment.KIND) && !kind.equals(Component.KIND)) {
      findings.error(
          "kind",
          kind.isEmpty() ? "kind is missing" : "unknown kind " + kind,
          "import reads Experiment and Component of " + Experiment.API_VERSION);
      return Optional.empty();
    }
    if (!apiVersion.equals(Experiment.API_VERSION)) {
      findings.error(
          "apiVersion",
          apiVersion.isEmpty() ? "apiVersion is missing" : "unknown apiVersion " + apiVersion,
          "import reads " + Experiment.API_VERSION);
      return Optional.empty();
    }
    ObjectNode copy = tree.deepCopy();
    int mark = findings.mark();
    Class<? extends HasMetadata> type =
        kind.equals(Experiment.KIND) ? Experiment.class : Component.class;
    if (type == Experiment.class && OriginalExperiment.recognises(copy)) {
      OriginalExperiment.rewrite(copy, findings);
    } else if (type == Component.class && OriginalComponent.recognises(copy)) {
      OriginalComponent.rewrite(
          copy,
          category != null ? category : OriginalComponent.fromPath(file).orElse(null),
          findings);
    }
    if (!copy.path("metadata").hasNonNull("name")) {
      findings.error("metadata.name", "name is missing", "set metadata.name");
    }
    if (!copy.path("spec").isObject()) {
      findings.error("spec", "spec is missing", "add the spec");
    }
    Optional<? extends HasMetadata> object = Binding.bind(copy, type, findings);
    return findings.hasErrorsSince(mark) ? Optional.empty() : object.map(HasMetadata.class::cast);
  }

  /** Validates every object, experiments against the components imported with them. */
  ImportResult result() {
    Map<String, Component> components = new LinkedHashMap<>();
    for (Imported one : imported) {
      if (one.object() instanceof Component component) {
        components.putIfAbsent(component.getMetadata().getName(), component);
      }
    }
    for (int i = 0; i < imported.size(); i++) {
      String shown = origins.get(i).shown();
      String prefix = origins.get(i).prefix();
      HasMetadata object = imported.get(i).object();
      List<Problem> found = new ArrayList<>();
      if (object instanceof Component component) {
        found.addAll(Validator.validate(shown, component));
      } else if (object instanceof Experiment experiment) {
        StandIns standIns = new StandIns(components);
        found.addAll(Validator.validate(shown, experiment, standIns.catalogueFor(experiment)));
        standIns.notes().forEach(note -> found.add(note.inFile(shown)));
      }
      found.forEach(problem -> problems.add(problem.under(prefix)));
    }
    return new ImportResult(imported, problems);
  }
}
