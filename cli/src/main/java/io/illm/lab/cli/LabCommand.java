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
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./lab}: the command line of illm-lab. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    versionProvider = LabCommand.Version.class,
    description = "Experiment-as-code for Kubernetes benchmarking labs.",
    exitCodeListHeading = "%nExit codes (the same for every command):%n",
    exitCodeList = {
      "0:done (written, up to date, valid, Complete, printed, created)",
      "1:failed: the experiment ended Failed or timed out; synth --check: stale YAML",
      "2:invalid input or usage: nothing was written, started or created",
      "3:unreachable: kube configuration, cluster or results store cannot be used",
      "70:internal error (a bug; LAB_DEBUG=1 shows the stack trace)"
    })
public final class LabCommand implements Runnable {

  /**
   * The commands' names, in the order {@code ./lab --help} lists them. Registered in code rather
   * than in the annotation so that {@link #execute} can register, and load, only the one it runs:
   * picocli reflects on every registered command's methods, which loads what their signatures name
   * (the Kubernetes client, the embedded hub, the MCP server) even for {@code ./lab synth}; {@link
   * #command} names each class only in a branch of its own, so no other command class is loaded.
   */
  static final List<String> COMMANDS =
      List.of(
          "synth",
          "validate",
          "import",
          "render",
          "run",
          "submit",
          "hub",
          "results",
          "site",
          "mcp",
          "init",
          "help");

  /** The command class of {@code name}, loaded now; null for a name that is no command. */
  static Class<?> command(String name) {
    switch (name) {
      case "synth":
        return SynthCommand.class;
      case "validate":
        return ValidateCommand.class;
      case "import":
        return ImportCommand.class;
      case "render":
        return RenderCommand.class;
      case "run":
        return RunCommand.class;
      case "submit":
        return SubmitCommand.class;
      case "hub":
        return HubCommand.class;
      case "results":
        return ResultsCommand.class;
      case "site":
        return SiteCommand.class;
      case "mcp":
        return McpCommand.class;
      case "init":
        return InitCommand.class;
      case "help":
        return CommandLine.HelpCommand.class;
      default:
        return null;
    }
  }

  /** Set to print stack traces of unexpected errors. */
  static final String DEBUG_ENV = "LAB_DEBUG";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs {@code ./lab args}: when the first argument names a command, a command line with that
   * command only (what it prints and returns are the same), else the whole one.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    List<String> only = args.length > 0 && COMMANDS.contains(args[0]) ? List.of(args[0]) : COMMANDS;
    return configured(only, out, err).execute(args);
  }

  /** The configured command line with every command, writing to the given streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configured(COMMANDS, out, err);
  }

  private static CommandLine configured(List<String> names, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LabCommand());
    names.forEach(name -> cli.addSubcommand(command(name)));
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
