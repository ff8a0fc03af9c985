package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue tools: list and describe components (parameters, defaults, categories) and
 * experiments (question, title, targets, criteria). Read only.
 */
final class CatalogueTools {

  private final Lab lab;

  CatalogueTools(Lab lab) {
    this.lab = lab;
  }

  List<LabTool> tools() {
    return List.of(listComponents(), describeComponent(), listExperiments(), describeExperiment());
  }

  private LabTool listComponents() {
    return new LabTool(
        "list_components",
        "List components",
        "Lists the components experiments can deploy (components/ of the lab): name, category,"
            + " description, how many parameters. Paged: pass nextOffset back as offset.",
        Paging.schema(
                Schema.input().string("category", "only this category, e.g. apps, observability"))
            .build(),
        Paging.output("components", "one entry per component"),
        true,
        false,
        call -> {
          String category = call.text("category");
          List<JsonNode> items =
              Catalogue.components(lab).stream()
                  .filter(
                      e -> category == null || category.equals(spec(e).path("category").asText()))
                  .<JsonNode>map(CatalogueTools::componentLine)
                  .toList();
          return Paging.of("components", items, call);
        });
  }

  private LabTool describeComponent() {
    return new LabTool(
        "describe_component",
        "Describe a component",
        "One component in full: category, description, its parameters with types, defaults and"
            + " whether they are required, its sources and observability.",
        Schema.input().string("name", "the component's name").required("name").build(),
        Schema.output()
            .string("name", "the component")
            .string("file", "its YAML, relative to the lab root")
            .string("category", "its category")
            .array("parameters", "name, type, default, required, description of each parameter")
            .object("spec", "the whole spec as in the YAML")
            .required("name", "file", "parameters", "spec")
            .build(),
        true,
        false,
        call -> {
          String name = call.required("name");
          Catalogue.Entry entry =
              find(Catalogue.components(lab), name, "component", "list_components");
          ObjectNode out = LabYaml.json().createObjectNode();
          out.put("name", entry.name());
          out.put("file", entry.file());
          out.put("category", spec(entry).path("category").asText(null));
          out.set("parameters", arrayOr(spec(entry).get("parameters")));
          out.set("spec", spec(entry));
          return out;
        });
  }

  private LabTool listExperiments() {
    return new LabTool(
        "list_experiments",
        "List experiments",
        "Lists the experiments of the lab (experiments/): name, title, tags, the hypothesis, the"
            + " targets and how many criteria judge it. Paged: pass nextOffset back as offset.",
        Paging.schema(Schema.input().string("tag", "only experiments with this tag")).build(),
        Paging.output("experiments", "one entry per experiment"),
        true,
        false,
        call -> {
          String tag = call.text("tag");
          List<JsonNode> items =
              Catalogue.experiments(lab).stream()
                  .filter(e -> tag == null || tags(e).contains(tag))
                  .<JsonNode>map(CatalogueTools::experimentLine)
                  .toList();
          return Paging.of("experiments", items, call);
        });
  }

  private LabTool describeExperiment() {
    return new LabTool(
        "describe_experiment",
        "Describe an experiment",
        "One experiment: title, description, the question(s) and hypothesis, the success criteria,"
            + " each target (provider, components), the metrics, budget and deadlines. detail=full"
            + " adds the whole spec.",
        Schema.input()
            .string("name", "the experiment's name")
            .oneOf("detail", "summary (default) or full (adds the spec)", "summary", "full")
            .required("name")
            .build(),
        Schema.output()
            .string("name", "the experiment")
            .string("file", "its YAML, relative to the lab root")
            .array("criteria", "the success criteria")
            .array("targets", "the targets")
            .array("metrics", "the metrics")
            .required("name", "file", "criteria", "targets", "metrics")
            .build(),
        true,
        false,
        call -> {
          String name = call.required("name");
          Catalogue.Entry entry =
              find(Catalogue.experiments(lab), name, "experiment", "list_experiments");
          ObjectNode out = describe(entry);
          if ("full".equals(call.text("detail"))) {
            out.set("spec", spec(entry));
          }
          return out;
        });
  }

  private static ObjectNode describe(Catalogue.Entry entry) {
    JsonNode spec = spec(entry);
    ObjectNode out = experimentLine(entry);
    out.put("file", entry.file());
    out.put("description", spec.path("description").asText(null));
    out.set("questions", arrayOr(spec.path("hypothesis").get("questions")));
    out.set("criteria", arrayOr(spec.path("hypothesis").get("successCriteria")));
    ArrayNode targets = out.putArray("targets");
    for (JsonNode target : spec.path("targets")) {
      targets
          .addObject()
          .put("name", target.path("name").asText())
          .put("provider", target.path("cluster").path("provider").asText(null))
          .set("components", arrayOr(target.get("components")));
    }
    ArrayNode metrics = out.putArray("metrics");
    for (JsonNode metric : spec.path("metrics").path("queries")) {
      metrics
          .addObject()
          .put("name", metric.path("name").asText())
          .put("type", metric.path("type").asText("instant"))
          .put("unit", metric.path("unit").asText(null))
          .put("description", metric.path("description").asText(null));
    }
    out.set("repetitions", spec.path("metrics").get("repetitions"));
    out.set("budgetUSD", spec.path("budget").get("maxUSD"));
    out.set("deadlines", spec.get("deadlines"));
    return out;
  }

  private static ObjectNode componentLine(Catalogue.Entry entry) {
    JsonNode spec = spec(entry);
    ObjectNode line = LabYaml.json().createObjectNode();
    line.put("name", entry.name());
    line.put("category", spec.path("category").asText(null));
    line.put("description", spec.path("description").asText(null));
    line.put("parameters", spec.path("parameters").size());
    line.put("file", entry.file());
    return line;
  }

  private static ObjectNode experimentLine(Catalogue.Entry entry) {
    JsonNode spec = spec(entry);
    ObjectNode line = LabYaml.json().createObjectNode();
    line.put("name", entry.name());
    line.put("title", spec.path("title").asText(null));
    line.set("tags", arrayOr(spec.get("tags")));
    line.put("hypothesis", spec.path("hypothesis").path("claim").asText(null));
    ArrayNode targets = line.putArray("targetNames");
    spec.path("targets").forEach(t -> targets.add(t.path("name").asText()));
    line.put("criteriaCount", spec.path("hypothesis").path("successCriteria").size());
    return line;
  }

  private static List<String> tags(Catalogue.Entry entry) {
    List<String> tags = new ArrayList<>();
    spec(entry).path("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  private static JsonNode spec(Catalogue.Entry entry) {
    return entry.document().path("spec");
  }

  private static ArrayNode arrayOr(JsonNode node) {
    return node instanceof ArrayNode array ? array : LabYaml.json().createArrayNode();
  }

  private static Catalogue.Entry find(
      List<Catalogue.Entry> entries, String name, String what, String listTool) throws ToolFailure {
    Optional<Catalogue.Entry> found =
        entries.stream().filter(e -> e.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      throw ToolFailure.error(
          "name",
          "no " + what + " " + name,
          "known: "
              + String.join(", ", entries.stream().map(Catalogue.Entry::name).toList())
              + " ("
              + listTool
              + ")");
    }
    return found.get();
  }
}
