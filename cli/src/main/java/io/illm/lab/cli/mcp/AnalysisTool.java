package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.results.Analysis;
import io.illm.lab.results.AnalysisJson;
import io.illm.lab.yaml.LabYaml;
import java.time.temporal.ChronoUnit;

/**
 * {@code record_analysis}: keeps an assistant's written analysis of a run beside its summary.json
 * ({@code analysis.json}: who wrote it, which model, when, of which summary), for the run's page of
 * the site to show under that label. It never touches the summary: not the verdict, not a number.
 */
final class AnalysisTool {

  static final int LONGEST_TEXT = 20_000;
  static final int LONGEST_NAME = 200;

  private final Lab lab;
  private final Runs runs;

  AnalysisTool(Lab lab) {
    this.lab = lab;
    this.runs = new Runs(lab);
  }

  LabTool tool() {
    return new LabTool(
        "record_analysis",
        "Record an analysis of a run",
        "Stores your written analysis of one run beside its summary (analysis.json): the text, who"
            + " wrote it (author), the model if an AI wrote it, when, and the SHA-256 of the summary it"
            + " was written from. The run's page of the site shows it, labelled as an assistant's"
            + " analysis; it never changes the verdict or the numbers. Plain text; blank lines separate"
            + " paragraphs.",
        Schema.input()
            .string("experiment", "the experiment's name")
            .string("run", "the run (list_runs names them)")
            .string("text", "the analysis, at most " + LONGEST_TEXT + " characters")
            .string("author", "who wrote it, e.g. the assistant's name")
            .string("model", "the model that wrote it, when an AI did")
            .required("experiment", "run", "text", "author")
            .build(),
        Schema.output()
            .string("experiment", "the experiment")
            .string("run", "the run")
            .string("file", "where it is kept")
            .string("summarySha256", "the summary it was written from")
            .string("writtenAt", "when")
            .integer("analyses", "how many analyses the run has now", 1, Integer.MAX_VALUE)
            .required("experiment", "run", "file", "summarySha256", "writtenAt", "analyses")
            .build(),
        true,
        false,
        this::record);
  }

  private ObjectNode record(LabTool.Call call) throws ToolFailure {
    String text = call.required("text");
    String author = call.required("author").strip();
    String model = call.text("model");
    check("text", text, LONGEST_TEXT);
    check("author", author, LONGEST_NAME);
    if (model != null) {
      check("model", model, LONGEST_NAME);
    }
    Runs.Run run = runs.read(call.required("experiment"), call.required("run"));
    String writtenAt = lab.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String hash = AuditLog.sha256(run.bytes());
    AnalysisJson.append(
        run.folder(),
        new Analysis(author, model == null ? null : model.strip(), writtenAt, hash, text));
    ObjectNode out = LabYaml.json().createObjectNode();
    out.put("experiment", run.key().experiment());
    out.put("run", run.key().run());
    out.put("file", run.folder().resolve(AnalysisJson.FILE).toString());
    out.put("summarySha256", hash);
    out.put("writtenAt", writtenAt);
    out.put("analyses", AnalysisJson.read(run.folder()).size());
    out.put(
        "note",
        "kept beside the summary; build_site shows it on the run's page as an assistant's analysis."
            + " The verdict and the numbers are unchanged.");
    return out;
  }

  private static void check(String field, String value, int longest) throws ToolFailure {
    if (value.length() > longest) {
      throw ToolFailure.error(
          field,
          field + " is " + value.length() + " characters, more than " + longest,
          "shorten it");
    }
  }
}
