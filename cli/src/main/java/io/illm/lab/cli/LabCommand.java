package io.illm.lab.cli;

import io.illm.lab.cli.authoring.ImportCommand;
import io.illm.lab.cli.authoring.SynthCommand;
import io.illm.lab.cli.authoring.ValidateCommand;
import io.illm.lab.cli.hub.HubCommand;
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
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit codes: 0 ok, 1 usage error or drift, 2 invalid input."})
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
          // usage errors exit 1, unless a contributed command declares otherwise (run: 1 means
          // Failed)
          return cmd.getCommandSpec().userObject() instanceof Subcommand
              ? cmd.getCommandSpec().exitCodeOnInvalidInput()
              : 1;
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
          return 1;
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
