package io.illm.lab.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Target;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.Problem;
import io.illm.lab.validate.Validator;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads Experiment and Component YAML, of this project's API or of the original Go operator's
 * v1alpha1, into the model, and reports what could not be carried over.
 *
 * <p>The dialect is decided per document from what it contains (a {@code cluster.type}, a list
 * under {@code spec.metrics}, a string criterion value, a component without a category...): both
 * use the apiVersion {@value Experiment#API_VERSION}. Documents of this API are read as they are,
 * strictly: an unknown field is an error. Documents of the original are mapped field by field; a
 * field that cannot be carried over is removed and reported as a warning naming its path and why,
 * never dropped silently. Every object is then checked by {@link Validator}.
 *
 * <p>Nothing here throws on bad input: malformed YAML, unknown kinds and wrong types each become
 * one {@link Problem}, and every problem is collected, not only the first.
 */
public final class Importer {

  private Importer() {}

  /** Imports one file; its category is derived from its path where a component needs one. */
  public static ImportResult read(Path file) {
    return read(List.of(file), null);
  }

  /**
   * Imports YAML text; {@code file} names it in problems and gives the category of an original
   * component ({@code components/<category>/<name>/component.yaml} or {@code <category>--<name>.yaml}).
   */
  public static ImportResult read(String file, String yaml) {
    return read(file, yaml, null);
  }

  /** Imports YAML text; {@code category}, when not null, is the category of original components. */
  public static ImportResult read(String file, String yaml, Category category) {
    Batch batch = new Batch(category);
    batch.add(file, yaml);
    return batch.result();
  }

  /**
   * Imports files together: references from experiments to components among them are checked
   * against those components.
   *
   * @param category when not null, the category of every original component (overrides the path)
   */
  public static ImportResult read(List<Path> files, Category category) {
    Batch batch = new Batch(category);
    for (Path file : files) {
      String name = file.toString();
      try {
        batch.add(name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        batch.fail(name, "no such file", "check the path");
      } catch (CharacterCodingException e) {
        batch.fail(name, "not UTF-8 text", "save the file as UTF-8");
      } catch (IOException e) {
        batch.fail(name, "cannot read: " + e.getMessage(), "");
      }
    }
    return batch.result();
  }

  /** The YAML files ({@code .yaml}, {@code .yml}) of a file or folder, recursively, sorted by path. */
  public static List<Path> yamlFiles(Path fileOrFolder) throws IOException {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> walk = Files.walk(fileOrFolder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  /** Files imported together; validation waits for all of them, so components can be looked up. */
  private static final class Batch {
    private final Category category;
    private final List<Imported> imported = new ArrayList<>();
    private final List<String> shownAs = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    Batch(Category category) {
      this.category = category;
    }

    void fail(String file, String message, String hint) {
      problems.add(Problem.error(file, "", message, hint));
    }

    void add(String file, String yaml) {
      List<JsonNode> documents = documents(file, yaml);
      for (int i = 0; i < documents.size(); i++) {
        // Problems of the second document of a file must say which document they are in.
        String shown = documents.size() == 1 ? file : file + "#" + (i + 1);
        Findings findings = new Findings(shown);
        document(documents.get(i), file, findings)
            .ifPresent(object -> {
              imported.add(new Imported(file, object));
              shownAs.add(shown);
            });
        problems.addAll(findings.problems());
      }
    }

    private List<JsonNode> documents(String file, String yaml) {
      List<JsonNode> documents = new ArrayList<>();
      try (MappingIterator<JsonNode> values = LabYaml.reader().readerFor(JsonNode.class).readValues(yaml)) {
        while (values.hasNextValue()) {
          JsonNode document = values.nextValue();
          if (document != null && !document.isNull() && !document.isMissingNode()) {
            documents.add(document);
          }
        }
      } catch (JsonProcessingException e) {
        fail(file, "malformed YAML" + describe(e), "fix the YAML; nothing from this file was imported");
        return List.of();
      } catch (IOException | RuntimeException e) {
        // SnakeYAML's own limits (size, aliases, depth) surface as runtime exceptions.
        fail(file, "malformed YAML: " + firstLine(e.getMessage()), "fix the YAML; nothing from this file was imported");
        return List.of();
      }
      if (documents.isEmpty()) {
        problems.add(Problem.warning(file, "", "no documents: nothing to import", ""));
      }
      return documents;
    }

    private Optional<HasMetadata> document(JsonNode document, String file, Findings findings) {
      if (!(document instanceof ObjectNode tree)) {
        findings.error("", "a document must be a map with apiVersion, kind, metadata and spec", "");
        return Optional.empty();
      }
      String kind = tree.path("kind").asText("");
      String apiVersion = tree.path("apiVersion").asText("");
      if (!kind.equals(Experiment.KIND) && !kind.equals(Component.KIND)) {
        findings.error("kind", kind.isEmpty() ? "kind is missing" : "unknown kind " + kind,
            "import reads Experiment and Component of " + Experiment.API_VERSION);
        return Optional.empty();
      }
      if (!apiVersion.equals(Experiment.API_VERSION)) {
        findings.error("apiVersion", apiVersion.isEmpty() ? "apiVersion is missing" : "unknown apiVersion " + apiVersion,
            "import reads " + Experiment.API_VERSION);
        return Optional.empty();
      }
      ObjectNode copy = tree.deepCopy();
      int mark = findings.mark();
      Class<? extends HasMetadata> type;
      if (kind.equals(Experiment.KIND)) {
        type = Experiment.class;
        if (OriginalExperiment.recognises(copy)) {
          OriginalExperiment.rewrite(copy, findings);
        }
      } else {
        type = Component.class;
        if (OriginalComponent.recognises(copy)) {
          OriginalComponent.rewrite(copy, category != null ? category : OriginalComponent.fromPath(file).orElse(null),
              findings);
        }
      }
      if (!copy.path("metadata").hasNonNull("name")) {
        findings.error("metadata.name", "name is missing", "set metadata.name");
      }
      Optional<? extends HasMetadata> object = Binding.bind(copy, type, findings);
      return findings.hasErrorsSince(mark) ? Optional.empty() : object.map(HasMetadata.class::cast);
    }

    ImportResult result() {
      Map<String, Component> components = new LinkedHashMap<>();
      for (Imported one : imported) {
        if (one.object() instanceof Component component) {
          components.putIfAbsent(component.getMetadata().getName(), component);
        }
      }
      for (int i = 0; i < imported.size(); i++) {
        String shown = shownAs.get(i);
        HasMetadata object = imported.get(i).object();
        if (object instanceof Component component) {
          problems.addAll(Validator.validate(shown, component));
        } else if (object instanceof Experiment experiment) {
          problems.addAll(Validator.validate(shown, experiment, catalogue(shown, experiment, components)));
        }
      }
      return new ImportResult(imported, problems);
    }

    /**
     * The components imported with the experiment, and a stand-in for each one it references that
     * is not among them: import converts files, it cannot see the rest of a catalogue, so such a
     * reference is reported as unchecked rather than as unknown.
     */
    private ComponentCatalogue catalogue(String shown, Experiment experiment, Map<String, Component> components) {
      Map<String, Component> seen = new LinkedHashMap<>(components);
      List<Target> targets = experiment.getSpec() == null || experiment.getSpec().getTargets() == null
          ? List.of() : experiment.getSpec().getTargets();
      for (int t = 0; t < targets.size(); t++) {
        List<ComponentRef> refs = targets.get(t).getComponents() == null ? List.of() : targets.get(t).getComponents();
        for (int c = 0; c < refs.size(); c++) {
          ComponentRef ref = refs.get(c);
          ComponentType refType = ref.getApp() != null ? ComponentType.APP
              : ref.getWorkflow() != null ? ComponentType.WORKFLOW : ComponentType.CONFIG;
          String name = ref.getApp() != null ? ref.getApp() : ref.getWorkflow() != null ? ref.getWorkflow() : ref.getConfig();
          if (name != null && !seen.containsKey(name)) {
            String path = FieldPath.at(FieldPath.at("spec.targets", t) + ".components", c) + "." + refType.value();
            problems.add(Problem.warning(shown, path, "component " + name
                + " is not among the imported files, so this reference is not checked",
                "import the component's YAML together with the experiment"));
            seen.put(name, standIn(name, refType, ref));
          }
        }
      }
      return ComponentCatalogue.of(seen.values());
    }

    private static Component standIn(String name, ComponentType type, ComponentRef ref) {
      ComponentSpec spec = new ComponentSpec();
      spec.setType(type);
      if (ref.getParams() != null && !ref.getParams().isEmpty()) {
        List<ComponentParameter> parameters = new ArrayList<>();
        ref.getParams().keySet().stream().sorted().forEach(param -> {
          ComponentParameter parameter = new ComponentParameter();
          parameter.setName(param);
          parameters.add(parameter);
        });
        spec.setParameters(parameters);
      }
      Component component = new Component();
      ObjectMeta metadata = new ObjectMeta();
      metadata.setName(name);
      component.setMetadata(metadata);
      component.setSpec(spec);
      return component;
    }

    /** SnakeYAML knows what went wrong and where; Jackson's own message only says what it was parsing. */
    private static String describe(JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
        return " at line " + (marked.getProblemMark().getLine() + 1) + ", column " + (marked.getProblemMark().getColumn() + 1)
            + ": " + marked.getProblem() + context;
      }
      return at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage());
    }

    private static String at(JsonLocation location) {
      return location == null || location.getLineNr() < 1 ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
      if (message == null) {
        return "invalid";
      }
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }
}
