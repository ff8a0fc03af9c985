package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.run.HubRun;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Target;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run_experiment}: an experiment on an embedded hub in the server's process, with simulated
 * clusters, deployments, workflow and metrics (as {@code ./lab run}); progress notifications while
 * it runs; the outcome says it was simulated. The run's summary goes to {@code .lab/results}.
 */
final class RunTool {

  /** The most lines of progress a result repeats. */
  static final int PROGRESS_LINES = 40;

  private final Lab lab;

  RunTool(Lab lab) {
    this.lab = lab;
  }

  LabTool tool() {
    return new LabTool(
        "run_experiment",
        "Run an experiment (simulated)",
        "Runs an experiment on an embedded hub inside this server: an in-process API server, the"
            + " operator, and SIMULATED Crossplane, ArgoCD, Argo Workflows and Prometheus. Nothing"
            + " touches a cloud or a cluster; the numbers are simulated, not measurements, and the result"
            + " says so. Sends a progress notification per change when the call has a progressToken."
            + " The run's summary is kept in .lab/results: read it with get_results.",
        input(),
        Schema.output()
            .bool("simulated", "always true: the run was simulated")
            .string("note", "what simulated means here")
            .string("experiment", "the experiment")
            .string("phase", "Complete, Failed, or the phase it was in when given up on")
            .nullable("reason", "string", "why it ended so")
            .nullable(
                "verdict",
                "string",
                "validated, invalidated or insufficient (on simulated metrics)")
            .nullable("run", "string", "the run's name, for get_results")
            .nullable("resultsURL", "string", "where the summary is")
            .bool("timedOut", "true when the run was given up on")
            .strings("progress", "the progress lines, the last " + PROGRESS_LINES)
            .required("simulated", "note", "experiment", "phase", "timedOut")
            .build(),
        false,
        false,
        this::run);
  }

  private static Map<String, Object> input() {
    return ExperimentInput.arguments(Schema.input())
        .oneOf(
            "timing",
            "instant (default: every simulated step at once) or typical",
            "instant",
            "typical")
        .number("timeFactor", "with typical timing, how much faster than real time; default 300")
        .strings("failClusters", "demo: targets whose cluster fails to provision")
        .bool("failWorkflow", "demo: the workflow fails")
        .integer(
            "timeoutSeconds",
            "give up after this many real seconds; default from the deadlines, at most 120",
            1,
            600)
        .build();
  }

  private ObjectNode run(LabTool.Call call) throws ToolFailure, InterruptedException {
    try (ExperimentInput input = ExperimentInput.of(call, lab)) {
      ComponentCatalogue catalogue = lab.catalogue();
      List<String> failClusters = strings(call, "failClusters");
      Experiment experiment = load(input, catalogue, failClusters);
      HubRun.Settings settings = settings(call, failClusters);
      int seconds = call.integer("timeoutSeconds", 0);
      Duration limit =
          seconds > 0 ? Duration.ofSeconds(seconds) : settings.defaultTimeout(experiment);
      List<String> lines = new ArrayList<>();
      call.progress().accept("starting an embedded hub for " + experiment.getMetadata().getName());
      HubRun.Result result;
      try {
        result =
            HubRun.run(
                lab.root(),
                experiment,
                catalogue,
                settings,
                limit,
                (current, time) -> {
                  String line = Progress.line(current, time);
                  lines.add(line);
                  call.progress().accept(line);
                });
      } catch (HubRun.HubFailure e) {
        throw ToolFailure.error("", e.getMessage(), "call run_experiment again");
      }
      return outcome(experiment, result, lines);
    }
  }

  private HubRun.Settings settings(LabTool.Call call, List<String> failClusters)
      throws ToolFailure {
    double factor = call.arguments().path("timeFactor").asDouble(HubRun.DEFAULT_TIME_FACTOR);
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw ToolFailure.error("timeFactor", "timeFactor must be greater than 0", "e.g. 300");
    }
    return new HubRun.Settings(
        !"typical".equals(call.text("timing")),
        factor,
        failClusters,
        call.bool("failWorkflow", false),
        Optional.empty(),
        lab.results());
  }

  /** The experiment, valid, with the targets to fail checked; else every problem. */
  private static Experiment load(
      ExperimentInput input, ComponentCatalogue catalogue, List<String> failClusters)
      throws ToolFailure {
    List<Problem> problems = new ArrayList<>();
    Experiment experiment = LabFiles.load(input.file(), input.label(), catalogue, problems);
    if (experiment != null) {
      List<String> known =
          experiment.getSpec().getTargets() == null
              ? List.of()
              : experiment.getSpec().getTargets().stream().map(Target::getName).toList();
      failClusters.stream()
          .filter(t -> !known.contains(t))
          .forEach(
              t ->
                  problems.add(
                      Problem.error(
                          "",
                          "failClusters",
                          "no target " + t,
                          "use one of: " + String.join(", ", known))));
    }
    if (experiment == null || problems.stream().anyMatch(Problem::isError)) {
      throw ToolFailure.error(problems.stream().filter(Problem::isError).toList());
    }
    return experiment;
  }

  private static ObjectNode outcome(
      Experiment experiment, HubRun.Result result, List<String> lines) {
    Experiment last = result.last().orElse(experiment);
    ExperimentStatus status = last.getStatus();
    Optional<String> noOutcome = result.noOutcome("raise timeoutSeconds, or use timing instant");
    ObjectNode out = LabYaml.json().createObjectNode();
    out.put("simulated", true);
    out.put("note", HubRun.SIMULATED_NOTE);
    out.put("experiment", experiment.getMetadata().getName());
    out.put("phase", Progress.phase(last).toString());
    ObjectNode json = Progress.json(last, null, result.timeline());
    out.set("reason", json.get("reason"));
    out.set("message", json.get("message"));
    out.set("verdict", json.get("verdict"));
    String url = status == null ? null : status.getResultsURL();
    out.put("run", url == null ? null : runName(url));
    out.put("resultsURL", url);
    out.put("timedOut", noOutcome.isPresent());
    out.put("noOutcome", noOutcome.orElse(null));
    out.set(
        "cost",
        status == null || status.getCost() == null
            ? null
            : LabYaml.json().valueToTree(status.getCost()));
    ArrayNode progress = out.putArray("progress");
    lines.subList(Math.max(0, lines.size() - PROGRESS_LINES), lines.size()).forEach(progress::add);
    out.put(
        "next",
        url == null
            ? "no results were stored; see reason and message"
            : "get_results experiment="
                + experiment.getMetadata().getName()
                + " run="
                + runName(url));
    return out;
  }

  /** The run's folder name, the last segment of its results URL. */
  static String runName(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static List<String> strings(LabTool.Call call, String name) {
    List<String> values = new ArrayList<>();
    call.arguments().path(name).forEach(v -> values.add(v.asText()));
    return values;
  }
}
