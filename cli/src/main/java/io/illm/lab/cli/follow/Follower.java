package io.illm.lab.cli.follow;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.cli.follow.ExperimentWatch.Change;
import io.illm.lab.cli.follow.ExperimentWatch.Updated;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows one experiment until it ends, the way {@code ./lab run} and {@code ./lab submit} both do:
 * an {@link ExperimentWatch} (an informer: list, then watch; a watch that closes is watched again,
 * one too old to resume is listed again), each change worth a line handed to the caller, until the
 * experiment is Complete or Failed, is deleted, the watch is lost for good, or the timeout passes.
 * Nothing is polled.
 */
public final class Follower {

  /** How following ended. */
  public sealed interface Outcome {}

  /** The experiment reached Complete or Failed; {@code experiment} is that state. */
  public record Ended(Experiment experiment) implements Outcome {

    /** True when it ended Complete. */
    public boolean complete() {
      return Progress.phase(experiment) == Phase.COMPLETE;
    }
  }

  /** The experiment was deleted while followed; {@code experiment} is its last known state. */
  public record Deleted(Experiment experiment) implements Outcome {}

  /** The watch stopped for good (the API server went away and did not come back). */
  public record Lost(String reason) implements Outcome {}

  /** The timeout passed first; {@code lastSeen} is the last state that arrived, if any did. */
  public record TimedOut(Optional<Experiment> lastSeen, Duration after) implements Outcome {}

  private final KubernetesClient client;
  private final Optional<Duration> timeout;

  private Follower(KubernetesClient client, Optional<Duration> timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** Follows until the experiment ends, however long that takes. */
  public static Follower untilItEnds(KubernetesClient client) {
    return new Follower(client, Optional.empty());
  }

  /** Follows until the experiment ends or {@code timeout} (real time) passes. */
  public static Follower atMost(KubernetesClient client, Duration timeout) {
    return new Follower(client, Optional.of(timeout));
  }

  /**
   * Follows {@code namespace/name}, handing {@code shown} its first state and then each change of
   * phase, step, a target's phase, the workflow's phase, reason, message or outcome (the operator's
   * other status writes, timestamps and such, hand nothing); the state it ends in is handed too.
   * The timeout counts from this call. Throws the client's exception when the API server cannot be
   * listed at the start.
   */
  public Outcome follow(String namespace, String name, Consumer<Experiment> shown)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.map(Duration::toNanos).orElse(0L);
    try (ExperimentWatch watch = new ExperimentWatch(client, namespace, name)) {
      Following following = new Following(shown);
      while (true) {
        Optional<Change> change =
            timeout.isPresent()
                ? watch.next(deadline - System.nanoTime())
                : Optional.of(watch.next());
        if (change.isEmpty()) {
          return new TimedOut(Optional.ofNullable(following.last), timeout.get());
        }
        Optional<Outcome> outcome = following.take(change.get());
        if (outcome.isPresent()) {
          return outcome.get();
        }
      }
    }
  }

  /**
   * What identifies a state worth a line: phase, step, each target's phase, the workflow's phase,
   * the reason and message, the outcome, and a tutorial's services and kubeconfig Secrets. The
   * operator's other status writes (timestamps, conditions' times) make none.
   */
  static String key(Experiment experiment) {
    ExperimentStatus s = experiment.getStatus();
    if (s == null) {
      return "";
    }
    return String.join(
        "|",
        Progress.phaseOf(s).toString(),
        String.valueOf(s.getStep()),
        Progress.targets(s),
        Progress.workflowDetail(s),
        StatusReason.reason(s).orElse(""),
        StatusReason.message(s).orElse(""),
        String.valueOf(s.getHypothesisResult()),
        String.valueOf(s.getResultsURL()),
        String.valueOf(s.getResourcesCleaned()),
        Tutorials.key(s));
  }

  /** The state of one follow: what was shown last. */
  private static final class Following {

    private final Consumer<Experiment> shown;
    private String shownKey;
    private Experiment last;

    Following(Consumer<Experiment> shown) {
      this.shown = shown;
    }

    /** Takes one change; the outcome when it ends the follow. */
    Optional<Outcome> take(Change change) {
      if (change instanceof Updated u) {
        return updated(u.experiment());
      }
      if (change instanceof ExperimentWatch.Deleted d) {
        return Optional.of(new Deleted(d.experiment()));
      }
      return Optional.of(new Lost(((ExperimentWatch.Lost) change).reason()));
    }

    private Optional<Outcome> updated(Experiment experiment) {
      last = experiment;
      String key = key(experiment);
      if (!key.equals(shownKey)) {
        shownKey = key;
        shown.accept(experiment);
      }
      return Progress.terminal(experiment) ? Optional.of(new Ended(experiment)) : Optional.empty();
    }
  }
}
