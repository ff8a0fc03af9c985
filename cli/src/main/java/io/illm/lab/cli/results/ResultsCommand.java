package io.illm.lab.cli.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.TextTable;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.adapters.s3.S3ResultsStore;
import io.illm.lab.operator.adapters.s3.S3Settings;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.ResultsStoreException;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.results.Summary;
import io.illm.lab.results.SummaryJson;
import io.illm.lab.results.SummaryJson.SummaryFormatException;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code results EXPERIMENT|PATH}: the summary of a run, read from the local results folder (where
 * {@code ./lab run} writes), an S3 store, or a summary.json file.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the summary of an experiment's run: phase, verdict, each metric per target, each criterion, the cost.",
      "",
      "EXPERIMENT is read from the results folder (<root>/.lab/results, where ./lab run writes) or, with --s3,"
          + " from an S3 store (credentials: ILLM_RESULTS_S3_ACCESS_KEY_ID/ILLM_RESULTS_S3_SECRET_ACCESS_KEY,"
          + " else the AWS default chain). PATH is a summary.json or a run folder."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed",
      "2:no such run, it cannot be read, or a usage error",
      "3:the S3 store does not answer"
    })
public final class ResultsCommand implements Callable<Integer> {

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    text,
    json
  }

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "EXPERIMENT|PATH",
      description = "An experiment's name, or a summary.json file or run folder.")
  private String argument;

  @Option(
      names = "--run",
      paramLabel = "RUN",
      description = "The run (e.g. 20261127T000100Z-6f1c2d3e). Default: the latest.")
  private String run;

  @Option(names = "--all", description = "List the experiment's runs instead of showing one.")
  private boolean all;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, or json (the summary.json as stored; with --all a list). Default: ${DEFAULT-VALUE}.")
  private Output output = Output.text;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The lab checkout. Default: $LAB_ROOT, else the current directory.")
  private Path root;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The results folder. Default: <root>/.lab/results.")
  private Path dir;

  @Option(
      names = "--s3",
      paramLabel = "URL",
      description = "Read from S3 instead: s3://BUCKET[/PREFIX].")
  private String s3;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "The S3 API, e.g. http://localhost:8333 (SeaweedFS, MinIO). Default: AWS.")
  private String endpoint;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "The S3 region. Default: us-east-1.")
  private String region;

  private final Map<String, String> env;

  public ResultsCommand() {
    this(System.getenv());
  }

  /** With {@code env} in place of the process' environment (tests). */
  ResultsCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path file = summaryFile(Path.of(argument));
      if (file != null) {
        return fromFile(file, out, err);
      }
      if (argument.contains("/") || argument.endsWith(".json")) {
        return fail(
            err,
            ExitCodes.INVALID,
            "results: "
                + argument
                + ": no such file or run folder"
                + " (give a summary.json, a run folder, or an experiment's name)");
      }
      if (!RunKey.isName(argument)) {
        return fail(
            err, ExitCodes.INVALID, "results: \"" + argument + "\" is not an experiment name");
      }
      ResultsStore store = store(err);
      if (store == null) {
        return ExitCodes.INVALID;
      }
      try {
        return fromStore(store, out, err);
      } finally {
        if (store instanceof AutoCloseable closeable) {
          closeQuietly(closeable);
        }
      }
    } catch (SummaryFormatException e) {
      return fail(err, ExitCodes.INVALID, "results: " + e.getMessage());
    } catch (ResultsStoreException e) {
      int code = e.retryable() ? ExitCodes.UNREACHABLE : ExitCodes.INVALID;
      return fail(err, code, "results: " + e.getMessage());
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Integer fromFile(Path file, PrintWriter out, PrintWriter err) {
    if (run != null || all) {
      return fail(
          err,
          ExitCodes.INVALID,
          "results: --run and --all need an experiment's name, not a file (" + argument + ")");
    }
    byte[] bytes = read(file);
    Summary summary = SummaryJson.read(file.toString(), bytes);
    print(
        out,
        summary,
        bytes,
        runName(summary),
        file.toAbsolutePath().normalize().toUri().toString());
    return ExitCodes.OK;
  }

  private Integer fromStore(ResultsStore store, PrintWriter out, PrintWriter err)
      throws JsonProcessingException {
    List<RunKey> runs = store.runs(argument);
    if (runs.isEmpty()) {
      return fail(err, ExitCodes.INVALID, noRuns(store.experiments()));
    }
    if (all) {
      listRuns(store, runs, out);
      return ExitCodes.OK;
    }
    RunKey key = run == null ? runs.get(runs.size() - 1) : new RunKey(argument, run);
    if (!runs.contains(key)) {
      return fail(err, ExitCodes.INVALID, noSuchRun(runs));
    }
    byte[] bytes =
        store
            .summary(key)
            .orElseThrow(
                () ->
                    new ResultsStoreException(
                        store.location(key) + "summary.json: gone while reading", false, null));
    print(
        out,
        SummaryJson.read(store.location(key) + "summary.json", bytes),
        bytes,
        key.run(),
        store.location(key));
    return ExitCodes.OK;
  }

  /** No runs of the experiment in the store; {@code known} are those it has. */
  private String noRuns(List<String> known) {
    return "results: no runs of "
        + argument
        + " in "
        + where()
        + (known.isEmpty() ? "" : " (experiments there: " + String.join(", ", known) + ")")
        + (s3 == null
            ? "; ./lab run " + argument + " writes its results there, --dir or --s3 read elsewhere"
            : "; --s3 and --endpoint say which store");
  }

  /** {@code --run} names none of the experiment's {@code runs}. */
  private String noSuchRun(List<RunKey> runs) {
    return "results: no run "
        + run
        + " of "
        + argument
        + " in "
        + where()
        + " (runs: "
        + String.join(", ", runs.stream().map(RunKey::run).toList())
        + "; --all lists them)";
  }

  private void listRuns(ResultsStore store, List<RunKey> runs, PrintWriter out)
      throws JsonProcessingException {
    ArrayNode list = LabYaml.json().createArrayNode();
    TextTable table = new TextTable("run", "phase", "simulated", "verdict", "location");
    for (RunKey key : runs) {
      Summary summary =
          SummaryJson.read(store.location(key) + "summary.json", store.summary(key).orElseThrow());
      String phase = summary.run() == null ? null : summary.run().phase();
      String verdict =
          summary.verdict() == null || summary.verdict().result() == null
              ? null
              : summary.verdict().result().value();
      table.row(key.run(), phase, summary.simulated() ? "yes" : "no", verdict, store.location(key));
      ObjectNode node = list.addObject();
      node.put("experiment", key.experiment());
      node.put("run", key.run());
      node.put("location", store.location(key));
      node.put("phase", phase);
      node.put("simulated", summary.simulated());
      node.put("verdict", verdict);
    }
    if (output == Output.json) {
      out.println(LabYaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(list));
    } else {
      out.print(
          "experiment "
              + argument
              + ": "
              + runs.size()
              + (runs.size() == 1 ? " run" : " runs")
              + " in "
              + where()
              + "\n\n"
              + table.render(""));
    }
  }

  private void print(
      PrintWriter out, Summary summary, byte[] stored, String runName, String location) {
    if (output == Output.json) {
      out.print(new String(stored, StandardCharsets.UTF_8));
    } else {
      out.print(SummaryText.render(summary, runName, location));
    }
  }

  /** The S3 store of --s3, or the results folder; null after printing a usage problem. */
  private ResultsStore store(PrintWriter err) {
    if (s3 == null) {
      if (endpoint != null || region != null) {
        fail(
            err,
            ExitCodes.INVALID,
            "results: --endpoint and --region go with --s3 s3://BUCKET[/PREFIX]");
        return null;
      }
      return new FolderResultsStore(folder());
    }
    Map<String, String> settings = new HashMap<>(env);
    settings.put(S3Settings.URL, s3);
    settings.remove(S3Settings.CREDENTIALS_SECRET);
    if (endpoint != null) {
      settings.put(S3Settings.ENDPOINT, endpoint);
    }
    if (region != null) {
      settings.put(S3Settings.REGION, region);
    }
    try {
      return S3ResultsStore.open(S3Settings.from(settings).orElseThrow());
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> err.println("results: " + p));
      return null;
    }
  }

  private Path folder() {
    return dir != null ? dir : LabFiles.at(root).root().resolve(FolderResultsStore.DEFAULT_FOLDER);
  }

  private String where() {
    return s3 != null ? s3 : folder().toAbsolutePath().normalize().toString();
  }

  /** The run's name as a store would file it, or "-" when the summary lacks what it is made of. */
  private static String runName(Summary summary) {
    try {
      return RunKey.of(summary).run();
    } catch (IllegalArgumentException e) {
      return "-";
    }
  }

  /** The summary.json a path means (itself, or inside a run folder), or null. */
  private static Path summaryFile(Path path) {
    if (Files.isRegularFile(path)) {
      return path;
    }
    Path inside = path.resolve("summary.json");
    return Files.isDirectory(path) && Files.isRegularFile(inside) ? inside : null;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SummaryFormatException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static int fail(PrintWriter err, int code, String message) {
    err.println(message);
    return code;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing was written; a client that does not close cleanly changes no result
    }
  }
}
