package io.illm.lab.cli.site;

import io.illm.lab.cli.ExitCodes;
import io.illm.lab.site.SiteBuilder;
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

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = root();
    List<Path> inputs = results.isEmpty() ? List.of(root.resolve(".lab/results")) : results;
    SiteBuilder.Site site =
        SiteBuilder.build(inputs, out == null ? root.resolve(".lab/site") : out);
    site.problems().forEach(err::println);
    if (site.index() != null) {
      stdout.println(site.index().toAbsolutePath().normalize());
    }
    stdout.flush();
    err.flush();
    return site.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static Path root() {
    String root = System.getenv(ROOT_ENV);
    return Path.of(root == null || root.isBlank() ? "." : root);
  }
}
