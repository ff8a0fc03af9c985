package io.illm.lab.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.ExperimentChoice;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.cost.CostModel.Estimate;
import io.illm.lab.operator.cost.CostModel.Rate;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render EXPERIMENT [--output yaml|json]}: every object the operator would create for an
 * experiment, in order, secrets redacted, each checked against its upstream CRD schema.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every object the operator would create for an experiment, in order.",
      "",
      "Cluster claims, ArgoCD cluster secrets (values redacted), Applications, the Workflow."
          + " Walks the operator's lifecycle as if every step succeeded at once; cluster endpoints are"
          + " placeholders (<claim>.endpoint.invalid). Each object is checked against its upstream CRD"
          + " schema (shared/upstream-crds beside the lab, $LAB_UPSTREAM_CRDS, or --schemas)."
          + " The YAML starts with the cost estimate as comment lines (JSON: the cost field)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rendered, every object valid",
      "2:no such experiment, an invalid experiment, the lifecycle would fail, an object breaks its"
          + " schema, or a usage error"
    })
public final class RenderCommand implements Callable<Integer> {

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    yaml,
    json
  }

  @Spec private CommandSpec spec;

  @Mixin private ExperimentChoice choice = new ExperimentChoice();

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "yaml or json. Default: ${DEFAULT-VALUE}.")
  private Output output = Output.yaml;

  @Option(
      names = "--schemas",
      paramLabel = "DIR",
      description =
          "The upstream CRD folder. Default: $LAB_UPSTREAM_CRDS, else shared/upstream-crds beside the root.")
  private Path schemas;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (schemas != null && !Files.isDirectory(schemas)) {
      err.println("render: --schemas " + schemas + ": not a folder");
      err.flush();
      return ExitCodes.INVALID;
    }
    ExperimentChoice.Chosen chosen = choice.choose("render");
    chosen.note().ifPresent(note -> err.println("render: " + note));
    List<Problem> problems = new ArrayList<>(chosen.problems());
    List<JsonNode> documents = List.of();
    Estimate estimate = null;
    Experiment parsed = chosen.usable() ? chosen.experiment().get() : null;
    if (parsed != null) {
      estimate = CostModel.standard().estimate(parsed.getSpec());
      Rendering rendering = new Renderer(Placement.DEFAULT).render(parsed, chosen.catalogue());
      rendering.failure().ifPresent(f -> problems.add(stopped(chosen.label(), f)));
      documents = rendering.documents();
      problems.addAll(check(choice.lab(), documents, err));
    }
    print(out, err, documents, problems, estimate, parsed);
    return problems.stream().anyMatch(Problem::isError) ? ExitCodes.INVALID : ExitCodes.OK;
  }

  private static Problem stopped(String label, String failure) {
    return Problem.error(
        label,
        "",
        "the operator would stop the run: " + failure,
        "./lab validate " + label + " explains most causes");
  }

  private List<Problem> check(LabFiles lab, List<JsonNode> documents, PrintWriter err) {
    Optional<Path> upstream =
        schemas != null ? Optional.of(schemas) : UpstreamSchemas.locate(lab.root());
    if (upstream.isEmpty()) {
      err.println(
          "render: not checked against upstream schemas: no shared/upstream-crds beside "
              + lab.root()
              + " (set $"
              + UpstreamSchemas.ENV
              + " or --schemas)");
      return List.of();
    }
    UpstreamSchemas upstreamSchemas = new UpstreamSchemas(upstream.get(), lab.root());
    List<Problem> problems = new ArrayList<>();
    for (JsonNode document : documents) {
      problems.addAll(upstreamSchemas.check(objectLabel(document), document));
    }
    return problems;
  }

  private void print(
      PrintWriter out,
      PrintWriter err,
      List<JsonNode> documents,
      List<Problem> problems,
      Estimate estimate,
      Experiment parsed)
      throws JsonProcessingException {
    Double budget =
        parsed == null || parsed.getSpec().getBudget() == null
            ? null
            : parsed.getSpec().getBudget().getMaxUSD();
    boolean priced = estimate != null && !documents.isEmpty();
    if (output == Output.json) {
      ObjectNode root = json(documents, problems, priced ? costNode(estimate, budget) : null);
      out.println(LabYaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      if (priced) {
        costLines(estimate, budget).forEach(line -> out.print("# " + line + "\n"));
      }
      for (JsonNode document : documents) {
        out.print("---\n" + LabYaml.write(document));
      }
      problems.forEach(err::println);
    }
    out.flush();
    err.flush();
  }

  /** The objects, the cost (when there is one), the problems and whether it is valid. */
  private ObjectNode json(List<JsonNode> documents, List<Problem> problems, JsonNode cost) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("experiment", choice.argument());
    ArrayNode objects = root.putArray("objects");
    documents.forEach(objects::add);
    if (cost != null) {
      root.set("cost", cost);
    }
    ProblemsJson.put(root, problems);
    root.put("valid", problems.stream().noneMatch(Problem::isError));
    return root;
  }

  /** The estimate as comment lines for the YAML output. */
  static List<String> costLines(Estimate estimate, Double budget) {
    List<String> lines = new ArrayList<>();
    String limit = budget == null ? "" : " (spec.budget.maxUSD " + usd(budget) + ")";
    if (estimate.estimatedUSD() == null) {
      lines.add("cost: unknown" + limit + ": " + String.join("; ", estimate.unknown()));
    } else {
      lines.add(
          "cost: at most "
              + usd(estimate.estimatedUSD())
              + limit
              + " = "
              + usd(estimate.hourlyUSD())
              + "/h for at most "
              + Durations.format(estimate.longest())
              + " (the smaller of the total deadline and the phase deadlines, plus the longest retention)");
    }
    for (Rate rate : estimate.rates()) {
      lines.add(
          "  "
              + rate.target()
              + ": "
              + (rate.usdPerHour() == null ? "unknown" : usd(rate.usdPerHour()) + "/h")
              + " ("
              + rate.detail()
              + ")");
    }
    lines.add("  prices: " + CostModel.standard().prices().name() + "; " + CostModel.LEFT_OUT);
    return lines;
  }

  private static ObjectNode costNode(Estimate estimate, Double budget) {
    ObjectNode cost = LabYaml.json().createObjectNode();
    cost.put("estimatedUSD", estimate.estimatedUSD());
    cost.put("hourlyUSD", estimate.hourlyUSD());
    cost.put("longest", Durations.format(estimate.longest()));
    cost.put("budgetUSD", budget);
    ObjectNode perTarget = cost.putObject("perTarget");
    for (Rate rate : estimate.rates()) {
      ObjectNode node = perTarget.putObject(rate.target());
      node.put("usdPerHour", rate.usdPerHour());
      node.put("detail", rate.detail());
    }
    ArrayNode unknown = cost.putArray("unknown");
    estimate.unknown().forEach(unknown::add);
    cost.put("priceTable", CostModel.standard().prices().name());
    cost.put("note", CostModel.LEFT_OUT);
    return cost;
  }

  private static String usd(double amount) {
    return String.format(java.util.Locale.ROOT, amount < 1 ? "$%.4f" : "$%.2f", amount);
  }

  /** How a rendered object is named in problems: {@code Kind namespace/name}. */
  static String objectLabel(JsonNode document) {
    JsonNode metadata = document.path("metadata");
    return document.path("kind").asText()
        + " "
        + metadata.path("namespace").asText()
        + "/"
        + metadata.path("name").asText();
  }
}
