package io.illm.lab.cli;

/**
 * The exit codes of every command, one table (README.md, "Exit codes"; {@code ./lab --help}). A
 * code means the same whichever command returns it, so a script can tell an invalid input from a
 * stale file or a failed run without knowing the command.
 */
public final class ExitCodes {

  /** Done: written, up to date, valid, rendered, Complete, printed, built, created. */
  public static final int OK = 0;

  /**
   * What was checked or run did not pass: the experiment ended Failed or timed out ({@code run},
   * {@code submit}), the YAML is stale ({@code synth --check}).
   */
  public static final int FAILED = 1;

  /**
   * The input is wrong, nothing was done: an invalid definition, file or experiment, a name or path
   * that names nothing, a wrong option; nothing was written, started or created.
   */
  public static final int INVALID = 2;

  /**
   * Something outside cannot be used: no readable kube configuration, a cluster that does not
   * answer, refuses the credentials or lacks the CRDs; a results store that does not answer; a
   * watch lost for good.
   */
  public static final int UNREACHABLE = 3;

  /** A bug: an unexpected exception ({@code LAB_DEBUG=1} prints its stack trace). */
  public static final int INTERNAL = 70;

  /** The table as picocli's {@code exitCodeList} shows it under every command's help. */
  public static final String[] HELP = {
    "0:done (written, up to date, valid, Complete, printed, created)",
    "1:failed: the experiment ended Failed or timed out; synth --check: stale YAML",
    "2:invalid input or usage: nothing was written, started or created",
    "3:unreachable: kube configuration, cluster or results store cannot be used",
    "70:internal error (a bug; LAB_DEBUG=1 shows the stack trace)"
  };

  private ExitCodes() {}
}
