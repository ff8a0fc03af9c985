package io.illm.lab.dsl;

import java.time.Duration;

/**
 * Log lines: flog writing JSON lines at a fixed rate to its stdout, from a Job on the target, for
 * the node's log agent to ship. Immutable; {@link #step()} makes the step, whose outputs are the
 * lines written and the rate reached.
 *
 * @param target where the generator runs
 * @param linesPerSecond lines a second
 * @param duration how long
 */
public record LogLoad(String target, int linesPerSecond, Duration duration) {

  /** The workflow parameter that sets the duration in seconds. */
  public static final String DURATION_PARAM = "logs-seconds";

  /** 100 lines/s for 10 minutes. */
  public static LogLoad flog(String target) {
    return new LogLoad(target, 100, Duration.ofMinutes(10));
  }

  /** Lines a second. Default: 100. */
  public LogLoad linesPerSecond(int value) {
    return new LogLoad(target, value, duration);
  }

  /** How long. Default: 10 minutes. */
  public LogLoad duration(Duration value) {
    return new LogLoad(target, linesPerSecond, value);
  }

  /** The template parameter that sets the duration. */
  public WorkflowParam durationParam() {
    return new WorkflowParam(
        DURATION_PARAM, Long.toString(duration.toSeconds()), "seconds of log lines");
  }

  /** The step named {@code logs}. */
  public StepDef step() {
    ScriptDef script =
        LabSteps.kubectl("logs.sh")
            .input("duration-seconds")
            .env("FLOG_IMAGE", LabSteps.FLOG_IMAGE)
            .env("LINES_PER_SECOND", Integer.toString(linesPerSecond))
            .output("lines", "lines written")
            .output("lines-per-second", "lines a second reached")
            .output("duration-seconds", "seconds of log lines");
    return LabSteps.onTarget("logs", target, script).with("duration-seconds", durationParam());
  }
}
