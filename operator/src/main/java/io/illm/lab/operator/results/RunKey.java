package io.illm.lab.operator.results;

import io.illm.lab.results.Summary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Which run of which experiment: the folder {@code experiments/<experiment>/<run>/} of a results
 * store (docs/results.md). {@code run} is the start time as {@code yyyyMMdd'T'HHmmss'Z'}, a dash
 * and the first 8 characters of the experiment's uid, so runs sort by time and two runs of one name
 * never collide.
 *
 * @param experiment the experiment's name
 * @param run the run's name
 */
public record RunKey(String experiment, String run) implements Comparable<RunKey> {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public RunKey {
    requireSegment("experiment", experiment);
    requireSegment("run", run);
  }

  /**
   * The key of the run a summary describes: {@code run.startedAt} (else {@code run.createdAt}) and
   * {@code experiment.uid}.
   *
   * @throws IllegalArgumentException naming the summary field that is missing or malformed
   */
  public static RunKey of(Summary summary) {
    Summary.ExperimentInfo experiment = summary.experiment();
    if (experiment == null || experiment.name() == null) {
      throw new IllegalArgumentException("summary: experiment.name: missing");
    }
    String uid = experiment.uid();
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException(
          "summary: experiment.uid: missing (it tells two runs of one name apart)");
    }
    Summary.RunInfo run = summary.run();
    String started =
        run == null ? null : run.startedAt() != null ? run.startedAt() : run.createdAt();
    if (started == null) {
      throw new IllegalArgumentException("summary: run.startedAt: missing (and no run.createdAt)");
    }
    try {
      String time = RUN_TIME.format(Instant.parse(started));
      return new RunKey(
          experiment.name(), time + "-" + uid.substring(0, Math.min(8, uid.length())));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "summary: run.startedAt: \"" + started + "\" is not an RFC 3339 time");
    }
  }

  /**
   * {@code experiments/<experiment>/<run>/}: the run's folder in a store, relative to its prefix.
   */
  public String folder() {
    return experimentFolder(experiment) + run + "/";
  }

  /** {@code experiments/<experiment>/}. */
  public static String experimentFolder(String experiment) {
    requireSegment("experiment", experiment);
    return "experiments/" + experiment + "/";
  }

  /** The key of summary.json, relative to the store's prefix. */
  public String summaryKey() {
    return folder() + "summary.json";
  }

  /** The key of a raw file ({@code <metric>/<target>.json}), relative to the store's prefix. */
  public String rawKey(String name) {
    return folder() + "raw/" + name;
  }

  /** Oldest run first (the run name starts with its time). */
  @Override
  public int compareTo(RunKey other) {
    int byExperiment = experiment.compareTo(other.experiment);
    return byExperiment != 0 ? byExperiment : run.compareTo(other.run);
  }

  @Override
  public String toString() {
    return experiment + "/" + run;
  }

  /** True when {@code value} can be an experiment or run folder name. */
  public static boolean isName(String value) {
    return value != null && SEGMENT.matcher(value).matches() && !value.contains("..");
  }

  private static void requireSegment(String what, String value) {
    if (!isName(value)) {
      throw new IllegalArgumentException(
          what
              + ": \""
              + value
              + "\" cannot be a folder name (letters, digits, '.', '_' and '-', not starting with a symbol)");
    }
  }
}
