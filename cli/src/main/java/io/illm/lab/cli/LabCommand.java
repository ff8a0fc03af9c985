package io.illm.lab.cli;

import io.illm.lab.cli.authoring.ImportCommand;
import io.illm.lab.cli.authoring.SynthCommand;
import io.illm.lab.cli.authoring.ValidateCommand;
import io.illm.lab.cli.hub.HubCommand;
import io.illm.lab.cli.init.InitCommand;
import io.illm.lab.cli.mcp.McpCommand;
import io.illm.lab.cli.render.RenderCommand;
import io.illm.lab.cli.results.ResultsCommand;
import io.illm.lab.cli.run.RunCommand;
import io.illm.lab.cli.site.SiteCommand;
import io.illm.lab.cli.submit.SubmitCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./lab}: the command line of illm-lab. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    versionProvider = LabCommand.Version.class,
    description = "Experiment-as-code for Kubernetes benchmarking labs.",
    subcommands = {
      SynthCommand.class,
      ValidateCommand.class,
      ImportCommand.class,
      RenderCommand.class,
      RunCommand.class,
      SubmitCommand.class,
      HubCommand.class,
      ResultsCommand.class,
      SiteCommand.class,
      McpCommand.class,
      InitCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes (the same for every command):%n",
    exitCodeList = {
      "0:done (written, up to date, valid, Complete, printed, created)",
      "1:failed: the experiment ended Failed or timed out; synth --check: stale YAML",
      "2:invalid input or usage: nothing was written, started or created",
      "3:unreachable: kube configuration, cluster or results store cannot be used",
      "70:internal error (a bug; LAB_DEBUG=1 shows the stack trace)"
    })
public final class LabCommand implements Runnable {

  /** Set to print stack traces of unexpected errors. */
  static final String DEBUG_ENV = "LAB_DEBUG";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(
        commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
            .execute(args));
  }

  /** The configured command line, writing to the given streams (tests pass their own). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LabCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
          cmd.getErr()
              .println("(see: ./lab " + (cmd == cli ? "" : cmd.getCommandName() + " ") + "--help)");
          return ExitCodes.INVALID;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr()
              .println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
          if (System.getenv(DEBUG_ENV) != null) {
            ex.printStackTrace(cmd.getErr());
          } else {
            cmd.getErr().println("(set " + DEBUG_ENV + "=1 for the stack trace)");
          }
          return ExitCodes.INTERNAL;
        });
    return cli;
  }

  /** The version from the jar manifest, or "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = LabCommand.class.getPackage().getImplementationVersion();
      return new String[] {"illm-lab " + (version == null ? "development" : version)};
    }
  }
}
