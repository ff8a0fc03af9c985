package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.render.Renderer;
import io.illm.lab.cli.render.Rendering;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.FileValidator;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.validate.ValidationReport;
import io.illm.lab.yaml.LabYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validating and rendering an experiment: what is wrong with it (every problem, each with its path
 * and fix), and what the operator would create for it and what it may cost. Read only.
 */
final class AuthoringTools {

  private final Lab lab;

  AuthoringTools(Lab lab) {
    this.lab = lab;
  }

  List<LabTool> tools() {
    return List.of(validate(), render());
  }

  private LabTool validate() {
    return new LabTool(
        "validate_experiment",
        "Validate an experiment",
        "Checks an experiment (by name, or its YAML text) as ./lab validate does: structure against"
            + " the CRD schema, then meaning (targets, depends, criteria, components against the lab's"
            + " catalogue, derived names). Returns every problem with its field path and fix; valid is"
            + " false when any is an error. Problems are paged.",
        Paging.schema(ExperimentInput.arguments(Schema.input())).build(),
        Schema.output()
            .bool("valid", "true when there is no error (warnings allowed)")
            .integer("errors", "how many errors", 0, Integer.MAX_VALUE)
            .integer("warnings", "how many warnings", 0, Integer.MAX_VALUE)
            .array("problems", "this page of the problems", Problems.itemSchema())
            .integer("total", "how many problems in all", 0, Integer.MAX_VALUE)
            .integer("offset", "where this page starts", 0, Integer.MAX_VALUE)
            .nullable("nextOffset", "integer", "the offset of the next page of problems, or null")
            .required("valid", "errors", "warnings", "problems", "total", "nextOffset")
            .build(),
        true,
        false,
        call -> {
          try (ExperimentInput input = ExperimentInput.of(call, lab)) {
            List<Path> folders = new ArrayList<>();
            Path components = lab.root().resolve("components");
            if (Files.isDirectory(components)) {
              folders.add(components);
            }
            folders.addAll(lab.catalogues());
            ValidationReport report =
                new FileValidator(lab.root()).validate(List.of(input.file()), folders);
            List<Problem> problems = report.problems().stream().map(input::relabel).toList();
            ObjectNode out = LabYaml.json().createObjectNode();
            out.put("valid", report.valid());
            out.put("errors", report.errors());
            out.put("warnings", report.warnings());
            pageProblems(out, problems, call);
            return out;
          }
        });
  }

  private LabTool render() {
    return new LabTool(
        "render_experiment",
        "Render an experiment",
        "What the operator would create for an experiment, in order (cluster claims, ArgoCD cluster"
            + " secrets with values redacted, Applications, the Workflow), and its cost estimate from"
            + " the dated price table. detail=summary (default) lists each object's kind, namespace and"
            + " name; detail=full gives the objects themselves, paged.",
        Paging.schema(
                ExperimentInput.arguments(Schema.input())
                    .oneOf("detail", "summary (default) or full", "summary", "full"))
            .build(),
        Schema.output()
            .bool("valid", "false when the experiment is invalid or an object breaks its schema")
            .nullable(
                "cost",
                "object",
                "the estimate: estimatedUSD, hourlyUSD, longest, budgetUSD, perTarget, note")
            .array("objects", "this page of the objects")
            .integer("total", "how many objects in all", 0, Integer.MAX_VALUE)
            .nullable("nextOffset", "integer", "the offset of the next page, or null")
            .array("problems", "every problem", Problems.itemSchema())
            .bool("schemasChecked", "whether upstream CRD schemas were found and checked")
            .required("valid", "objects", "problems", "total", "nextOffset")
            .build(),
        true,
        false,
        call -> {
          try (ExperimentInput input = ExperimentInput.of(call, lab)) {
            return rendered(input, call);
          }
        });
  }

  private ObjectNode rendered(ExperimentInput input, LabTool.Call call) {
    ComponentCatalogue catalogue = lab.catalogue();
    List<Problem> problems = new ArrayList<>();
    Experiment parsed = LabFiles.load(input.file(), input.label(), catalogue, problems);
    ObjectNode out = LabYaml.json().createObjectNode();
    List<JsonNode> documents = List.of();
    Optional<Path> upstream = UpstreamSchemas.locate(lab.root());
    if (parsed != null) {
      out.set("cost", cost(parsed));
      Rendering rendering = new Renderer(Placement.DEFAULT).render(parsed, catalogue);
      rendering
          .failure()
          .ifPresent(
              f ->
                  problems.add(
                      Problem.error(
                          input.label(),
                          "",
                          "the operator would stop the run: " + f,
                          "validate_experiment explains most causes")));
      documents = rendering.documents();
      upstream.ifPresent(
          dir -> {
            UpstreamSchemas schemas = new UpstreamSchemas(dir, lab.root());
            for (JsonNode document : rendering.documents()) {
              problems.addAll(schemas.check(objectLabel(document), document));
            }
          });
    }
    boolean full = "full".equals(call.text("detail"));
    List<JsonNode> objects =
        documents.stream().map(d -> full ? d : (JsonNode) objectLine(d)).toList();
    out.put("valid", problems.stream().noneMatch(Problem::isError));
    Paging.into(out, "objects", objects, call);
    out.set("problems", Problems.json(problems));
    out.put("schemasChecked", upstream.isPresent() && parsed != null);
    return out;
  }

  /** The cost estimate as JSON: what render prints, for an assistant to hold against a budget. */
  static ObjectNode cost(Experiment experiment) {
    CostModel.Estimate estimate = CostModel.standard().estimate(experiment.getSpec());
    ObjectNode cost = LabYaml.json().createObjectNode();
    cost.put("estimatedUSD", estimate.estimatedUSD());
    cost.put("hourlyUSD", estimate.hourlyUSD());
    cost.put("longest", Durations.format(estimate.longest()));
    cost.put(
        "budgetUSD",
        experiment.getSpec().getBudget() == null
            ? null
            : experiment.getSpec().getBudget().getMaxUSD());
    ObjectNode perTarget = cost.putObject("perTarget");
    for (CostModel.Rate rate : estimate.rates()) {
      perTarget
          .putObject(rate.target())
          .put("usdPerHour", rate.usdPerHour())
          .put("detail", rate.detail());
    }
    var unknown = cost.putArray("unknown");
    estimate.unknown().forEach(unknown::add);
    cost.put("priceTable", CostModel.standard().prices().name());
    cost.put("note", CostModel.LEFT_OUT);
    return cost;
  }

  private static ObjectNode objectLine(JsonNode document) {
    ObjectNode line = LabYaml.json().createObjectNode();
    line.put("apiVersion", document.path("apiVersion").asText());
    line.put("kind", document.path("kind").asText());
    line.put("namespace", document.path("metadata").path("namespace").asText(null));
    line.put("name", document.path("metadata").path("name").asText());
    return line;
  }

  private static String objectLabel(JsonNode document) {
    JsonNode metadata = document.path("metadata");
    return document.path("kind").asText()
        + " "
        + metadata.path("namespace").asText()
        + "/"
        + metadata.path("name").asText();
  }

  private static void pageProblems(ObjectNode out, List<Problem> problems, LabTool.Call call) {
    List<JsonNode> items = new ArrayList<>();
    Problems.json(problems).forEach(items::add);
    Paging.into(out, "problems", items, call);
  }
}
