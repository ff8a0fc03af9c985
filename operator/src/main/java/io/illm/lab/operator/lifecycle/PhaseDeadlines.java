package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.rules.ExperimentRules;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** The spec's deadlines and retention with their defaults applied. */
public record PhaseDeadlines(
    Duration provisioning,
    Duration deploying,
    Duration running,
    Duration collecting,
    Duration total) {

  static final Duration DEFAULT_PROVISIONING = Duration.ofMinutes(30);
  static final Duration DEFAULT_DEPLOYING = Duration.ofMinutes(20);
  static final Duration DEFAULT_RUNNING = Duration.ofHours(2);
  static final Duration DEFAULT_COLLECTING = Duration.ofMinutes(15);
  static final Duration DEFAULT_TOTAL = ExperimentRules.DEFAULT_TOTAL;
  static final Duration DEFAULT_RETAIN = Duration.ofHours(1);
  static final Duration MAX_RETAIN = ExperimentRules.MAX_RETAIN;

  /** The deadlines of {@code spec}; a missing or unreadable value means its default. */
  public static PhaseDeadlines of(ExperimentSpec spec) {
    Deadlines d = spec == null ? null : spec.getDeadlines();
    return new PhaseDeadlines(
        read(d, Deadlines::getProvisioning, DEFAULT_PROVISIONING),
        read(d, Deadlines::getDeploying, DEFAULT_DEPLOYING),
        read(d, Deadlines::getRunning, DEFAULT_RUNNING),
        read(d, Deadlines::getCollecting, DEFAULT_COLLECTING),
        read(d, Deadlines::getTotal, DEFAULT_TOTAL));
  }

  /**
   * How long to keep the children after the run ended; zero means delete at once. Default: delete
   * at once; {@code retain} without {@code retainFor} keeps them 1h.
   */
  public static Duration retention(ExperimentSpec spec, boolean succeeded) {
    CleanupPolicy policy = spec == null ? null : spec.getCleanup();
    CleanupRule rule =
        policy == null ? null : succeeded ? policy.getOnComplete() : policy.getOnFailure();
    if (rule == null || rule.getAction() != CleanupAction.RETAIN) {
      return Duration.ZERO;
    }
    Duration retain = DurationText.parse(rule.getRetainFor()).orElse(DEFAULT_RETAIN);
    return retain.compareTo(MAX_RETAIN) > 0 ? MAX_RETAIN : retain;
  }

  private static Duration read(
      Deadlines deadlines, Function<Deadlines, String> field, Duration fallback) {
    return Optional.ofNullable(deadlines).map(field).flatMap(DurationText::parse).orElse(fallback);
  }
}
