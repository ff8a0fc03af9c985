package io.illm.lab.cli.follow;

import io.illm.lab.model.Experiment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The times a progress line shows: how long the experiment has been going, and the instant its
 * deadlines are measured at. On a cluster that is one clock ({@link Server}); on the embedded hub
 * the operator runs on a simulated clock, faster than real time, and a line shows both ({@link
 * Simulated}).
 */
public sealed interface Timeline {

  /** The instant the operator's deadlines run on, now. */
  Instant now();

  /** How long the experiment has been going, in the time its deadlines count; never negative. */
  Duration elapsed(Experiment experiment);

  /** The start of a progress line, e.g. {@code [elapsed 1m2s]}. */
  String stamp(Experiment experiment);

  /**
   * A cluster: elapsed time counts from the object's {@code creationTimestamp} (the API server's
   * clock) to {@code clock}'s now; zero when unknown.
   */
  record Server(Clock clock) implements Timeline {

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public Duration elapsed(Experiment experiment) {
      String created = experiment.getMetadata().getCreationTimestamp();
      if (created == null) {
        return Duration.ZERO;
      }
      try {
        return Progress.whole(Duration.between(Instant.parse(created), now()));
      } catch (DateTimeParseException e) {
        return Duration.ZERO;
      }
    }

    @Override
    public String stamp(Experiment experiment) {
      return "[elapsed " + Progress.duration(elapsed(experiment)) + "]";
    }
  }

  /**
   * The embedded hub: real time since {@code realStart} on {@code real}, and simulated time since
   * {@code simStart} on {@code sim}, the clock the operator and its deadlines run on.
   */
  record Simulated(Clock real, Instant realStart, Clock sim, Instant simStart) implements Timeline {

    @Override
    public Instant now() {
      return sim.instant();
    }

    @Override
    public Duration elapsed(Experiment experiment) {
      return Progress.whole(Duration.between(simStart, now()));
    }

    @Override
    public String stamp(Experiment experiment) {
      Duration realElapsed = Duration.between(realStart, real.instant());
      return String.format(
          Locale.ROOT,
          "[%6.1fs | sim %8s]",
          Math.max(0, realElapsed.toMillis()) / 1000.0,
          Progress.duration(elapsed(experiment)));
    }
  }
}
