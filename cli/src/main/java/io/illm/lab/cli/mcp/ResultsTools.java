package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.results.Analysis;
import io.illm.lab.results.AnalysisJson;
import io.illm.lab.site.SiteBuilder;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading results: an experiment's runs, one run's summary (verdict, criteria, comparisons, cost,
 * metrics at the detail asked), runs of one experiment side by side, and the results site. Read
 * only (the site is written under {@code .lab/site}).
 */
final class ResultsTools {

  private final Lab lab;
  private final Runs runs;

  ResultsTools(Lab lab) {
    this.lab = lab;
    this.runs = new Runs(lab);
  }

  List<LabTool> tools() {
    return List.of(listRuns(), getResults(), compareRuns(), buildSite());
  }

  private LabTool listRuns() {
    return new LabTool(
        "list_runs",
        "List an experiment's runs",
        "The runs of an experiment kept in .lab/results, oldest first: run, phase, simulated or"
            + " measured, verdict. Paged.",
        Paging.schema(Schema.input().string("experiment", "the experiment's name"))
            .required("experiment")
            .build(),
        Paging.output("runs", "one entry per run"),
        true,
        false,
        call -> {
          List<JsonNode> items = new ArrayList<>();
          for (RunKey key : runs.of(call.required("experiment"))) {
            items.add(runLine(runs.read(key)));
          }
          return Paging.of("runs", items, call);
        });
  }

  private LabTool getResults() {
    return new LabTool(
        "get_results",
        "Get a run's results",
        "One run's summary (the latest unless run is given): phase, simulated or measured, the"
            + " verdict and each criterion (value, threshold, pass/fail/missing and why), comparisons"
            + " between targets, cost, data quality, and the analyses recorded for it. detail=summary"
            + " (default) gives each metric's statistics per target; metrics adds each repetition's"
            + " value and the query; full adds the series, paged by metric (metric picks one).",
        Paging.schema(
                Schema.input()
                    .string("experiment", "the experiment's name")
                    .string("run", "the run (list_runs); default the latest")
                    .oneOf(
                        "detail",
                        "summary (default), metrics or full",
                        "summary",
                        "metrics",
                        "full")
                    .string("metric", "only this metric"))
            .required("experiment")
            .build(),
        Schema.output()
            .string("experiment", "the experiment")
            .string("run", "the run")
            .bool("simulated", "true when the numbers were simulated, not measured")
            .nullable("verdict", "object", "result and criteria")
            .array("metrics", "this page of the metrics")
            .nullable("nextOffset", "integer", "the offset of the next page of metrics, or null")
            .array("analyses", "the analyses recorded for this run")
            .required("experiment", "run", "simulated", "metrics", "analyses")
            .build(),
        true,
        false,
        call -> {
          Runs.Run run = runs.read(call.required("experiment"), call.text("run"));
          return SummaryView.of(run, runs.location(run.key()), call);
        });
  }

  private LabTool compareRuns() {
    return new LabTool(
        "compare_runs",
        "Compare runs of an experiment",
        "Runs of one experiment side by side, oldest first: phase, simulated, verdict, actual cost,"
            + " and per metric the mean (with its 95% interval) per target. runs picks some; default"
            + " all, paged.",
        Paging.schema(
                Schema.input()
                    .string("experiment", "the experiment's name")
                    .strings("runs", "the runs to compare; default all"))
            .required("experiment")
            .build(),
        Paging.output("runs", "one entry per run"),
        true,
        false,
        call -> {
          List<String> wanted = new ArrayList<>();
          call.arguments().path("runs").forEach(r -> wanted.add(r.asText()));
          List<JsonNode> items = new ArrayList<>();
          String experiment = call.required("experiment");
          for (RunKey key : runs.of(experiment)) {
            if (wanted.isEmpty() || wanted.contains(key.run())) {
              Runs.Run run = runs.read(key);
              ObjectNode line = runLine(run);
              line.set("means", SummaryView.means(run.summary()));
              items.add(line);
            }
          }
          if (items.isEmpty()) {
            throw ToolFailure.error(
                "runs", "none of " + wanted + " is a run of " + experiment, "list_runs names them");
          }
          return Paging.of("runs", items, call);
        });
  }

  private LabTool buildSite() {
    return new LabTool(
        "build_site",
        "Build the results site",
        "Builds the static results site (HTML with Vega-Lite charts, one page per run with its"
            + " recorded analyses) from every run in .lab/results into .lab/site, and returns the path"
            + " of index.html.",
        Schema.input().build(),
        Schema.output()
            .nullable("index", "string", "the path of index.html, or null when nothing was built")
            .nullable("url", "string", "index.html as a file:// URL, or null")
            .integer("runs", "how many runs the site shows", 0, Integer.MAX_VALUE)
            .strings("problems", "summaries that could not be read")
            .required("index", "runs", "problems")
            .build(),
        true,
        false,
        call -> {
          SiteBuilder.Site site = SiteBuilder.build(List.of(lab.results()), lab.site());
          ObjectNode out = LabYaml.json().createObjectNode();
          out.put("index", site.index() == null ? null : site.index().toString());
          out.put("url", site.index() == null ? null : site.index().toUri().toString());
          out.put("runs", site.runs());
          ArrayNode problems = out.putArray("problems");
          site.problems().forEach(problems::add);
          return out;
        });
  }

  /** One line per run: what list_runs and compare_runs show. */
  private ObjectNode runLine(Runs.Run run) {
    JsonNode s = run.summary();
    ObjectNode line = LabYaml.json().createObjectNode();
    line.put("run", run.key().run());
    line.put("phase", s.path("run").path("phase").asText(null));
    line.put("simulated", s.path("simulated").asBoolean());
    line.put("verdict", s.path("verdict").path("result").asText(null));
    line.set("actualUSD", s.path("cost").get("actualUSD"));
    line.put("completedAt", s.path("run").path("completedAt").asText(null));
    List<Analysis> analyses = AnalysisJson.read(run.folder());
    line.put("analyses", analyses.size());
    return line;
  }
}
