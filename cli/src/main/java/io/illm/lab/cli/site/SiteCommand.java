package io.illm.lab.cli.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.rules.Problem;
import io.illm.lab.site.SiteBuilder;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code site [RESULTS...] [--out DIR]}: the static results site from summary.json files. */
@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the static results site (HTML pages with Vega-Lite charts) from summary.json files.",
      "",
      "RESULTS are summary.json files or folders searched for them (experiments/<experiment>/<run>/summary.json)."
          + " Prints the path of index.html; open it in a browser, or serve the folder (python3 -m http.server)."
          + " A summary that cannot be read is reported with its file and field path; the others are built."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:built",
      "2:a summary could not be read, --out cannot be used, or a usage error"
    })
public final class SiteCommand implements Callable<Integer> {

  /** Same variable as the other commands: the repository root relative paths start from. */
  static final String ROOT_ENV = "LAB_ROOT";

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "RESULTS",
      arity = "0..*",
      description =
          "summary.json files or folders. Default: .lab/results under $LAB_ROOT, else the current folder.")
  private List<Path> results = List.of();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where to write the site: a new or empty folder, or one ./lab site wrote before (it is"
              + " emptied). Default: .lab/site under $LAB_ROOT, else the current folder.")
  private Path out;

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    text,
    json
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (the path of index.html), or json: one object with index, runs, problems."
              + " Default: ${DEFAULT-VALUE}.")
  private Output output = Output.text;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = root();
    List<Path> inputs = results.isEmpty() ? List.of(root.resolve(".lab/results")) : results;
    SiteBuilder.Site site =
        SiteBuilder.build(inputs, out == null ? root.resolve(".lab/site") : out);
    site.problems().forEach(err::println);
    if (output == Output.json) {
      stdout.println(json(site));
    } else if (site.index() != null) {
      stdout.println(site.index().toAbsolutePath().normalize());
    }
    stdout.flush();
    err.flush();
    return site.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** {@code {"index": path or null, "runs": n, "problems": [...], "built": bool}} on one line. */
  private static String json(SiteBuilder.Site site) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put(
        "index",
        site.index() == null ? null : site.index().toAbsolutePath().normalize().toString());
    root.put("runs", site.runs());
    ProblemsJson.put(
        root, site.problems().stream().map(p -> Problem.error("", "", p, "")).toList());
    root.put("built", site.index() != null);
    try {
      return LabYaml.json().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // plain values always write
    }
  }

  private static Path root() {
    String root = System.getenv(ROOT_ENV);
    return Path.of(root == null || root.isBlank() ? "." : root);
  }
}
