package io.illm.lab.operator.results;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.adapters.prometheus.PrometheusMetrics;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.judge.SummaryAssembler;
import io.illm.lab.operator.metrics.Attempt;
import io.illm.lab.operator.metrics.Collection;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.results.Summary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link SummarySource} of a running lab: what {@link PrometheusMetrics} collected, judged by
 * {@link SummaryAssembler}, with the cost from the {@link CostModel} and the experiment's own
 * metadata (uid, creation time) read from the hub. Results are stored as the last step before
 * Complete, so the summary of a run that is storing says Complete, completed now.
 */
public final class RunSummaries implements SummarySource {

  private final PrometheusMetrics metrics;
  private final Function<ExperimentId, Optional<ObjectMeta>> metadata;
  private final CostModel cost;
  private final Clock clock;
  private final boolean simulated;
  private final boolean simulatedSource;
  private final String version;

  /**
   * @param metrics where the collected metrics are
   * @param metadata the experiment's metadata as the hub has it (empty when it is gone)
   * @param cost prices the run
   * @param clock the engine's clock (simulated time on an embedded hub)
   * @param simulated true when any part of the lab is simulated: every summary then says so
   * @param simulatedSource true when the Prometheus is simulated: the provenance says {@code
   *     simulated}
   * @param version the lab's version, for provenance
   */
  public RunSummaries(
      PrometheusMetrics metrics,
      Function<ExperimentId, Optional<ObjectMeta>> metadata,
      CostModel cost,
      Clock clock,
      boolean simulated,
      boolean simulatedSource,
      String version) {
    this.metrics = metrics;
    this.metadata = metadata;
    this.cost = cost;
    this.clock = clock;
    this.simulated = simulated;
    this.simulatedSource = simulatedSource;
    this.version = version;
  }

  @Override
  public Run summary(ExperimentId id, ExperimentSpec spec, ExperimentStatus status) {
    ObjectMeta meta =
        metadata
            .apply(id)
            .orElseThrow(
                () -> new IllegalStateException("experiment " + id + " is gone from the hub"));
    Collection collection =
        metrics
            .collected(id)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no metrics were collected for "
                            + id
                            + " (the operator restarted since? the lifecycle collects again)"));
    Instant now = clock.instant();
    ExperimentStatus ending = StatusAtEnd.of(status, now);
    Experiment experiment = new Experiment();
    experiment.setMetadata(meta);
    experiment.setSpec(spec);
    experiment.setStatus(ending);
    Summary summary =
        SummaryAssembler.assemble(
            experiment,
            collection.metrics(),
            collection.window(),
            simulatedSource ? "simulated" : collection.source(),
            collection.attempts(),
            collection.quality(),
            cost.summary(spec, ending, now),
            now,
            simulated || simulatedSource,
            version);
    return new Run(summary, raw(collection.raw()));
  }

  /** Raw responses by {@code <metric>/<target or _experiment>[-w<window>].json}. */
  static SortedMap<String, byte[]> raw(List<Attempt.Raw> raw) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    boolean windows = raw.stream().anyMatch(r -> r.window() > 0);
    for (Attempt.Raw r : raw) {
      String name =
          r.metric()
              + "/"
              + (r.target() == null ? "_experiment" : r.target())
              + (windows ? "-w" + r.window() : "")
              + ".json";
      files.put(name, r.body().getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  /** The status as it will read once the results are stored: Complete, now. */
  private static final class StatusAtEnd {
    static ExperimentStatus of(ExperimentStatus status, Instant now) {
      ExperimentStatus copy =
          io.illm.lab.yaml.LabYaml.json().convertValue(status, ExperimentStatus.class);
      if (copy.getPhase() == Phase.RUNNING) {
        copy.setPhase(Phase.COMPLETE);
        copy.setCompletedAt(now.toString());
        copy.setMessage("results stored");
      }
      return copy;
    }
  }
}
