package io.illm.lab.operator.results;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.judge.SummaryAssembler;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.results.Summary;
import io.illm.lab.yaml.LabYaml;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link SummarySource} of a running lab: what was collected (carried by the lifecycle from the
 * metrics port), judged by {@link SummaryAssembler}, with the cost from the {@link CostModel} and
 * the experiment's own metadata (uid, creation time) read from the hub. A run that stores while
 * Running is storing its last step before Complete, so its summary says Complete, completed now; a
 * Failed run's summary says Failed with its reason and what it had collected.
 */
public final class RunSummaries implements SummarySource {

  private final Function<ExperimentId, Optional<ObjectMeta>> metadata;
  private final CostModel cost;
  private final Clock clock;
  private final boolean simulated;
  private final String version;

  /**
   * @param metadata the experiment's metadata as the hub has it (empty when it is gone)
   * @param cost prices the run
   * @param clock the engine's clock (simulated time on an embedded hub)
   * @param simulated true when any part of the lab is simulated: every summary then says so
   * @param version the lab's version, for provenance
   */
  public RunSummaries(
      Function<ExperimentId, Optional<ObjectMeta>> metadata,
      CostModel cost,
      Clock clock,
      boolean simulated,
      String version) {
    this.metadata = metadata;
    this.cost = cost;
    this.clock = clock;
    this.simulated = simulated;
    this.version = version;
  }

  @Override
  public Run summary(
      ExperimentId id, ExperimentSpec spec, ExperimentStatus status, Collected collected) {
    if (collected == null) {
      throw new IllegalStateException("nothing was collected for " + id);
    }
    ObjectMeta meta =
        metadata
            .apply(id)
            .orElseThrow(
                () -> new IllegalStateException("experiment " + id + " is gone from the hub"));
    Instant now = clock.instant();
    ExperimentStatus ending = atEnd(status, now);
    Experiment experiment = new Experiment();
    experiment.setMetadata(meta);
    experiment.setSpec(spec);
    experiment.setStatus(ending);
    Summary summary =
        SummaryAssembler.assemble(
            experiment,
            collected.metrics(),
            collected.window(),
            collected.source(),
            collected.quality().attempt(),
            collected.quality(),
            cost.summary(spec, ending, now),
            now,
            simulated || Boolean.TRUE.equals(status.getSimulated()),
            version);
    return new Run(summary, raw(collected.raw()));
  }

  private static SortedMap<String, byte[]> raw(SortedMap<String, String> raw) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    raw.forEach((name, body) -> files.put(name, body.getBytes(StandardCharsets.UTF_8)));
    return files;
  }

  /** The status as it will read once the results are stored: Complete, now, for a run storing. */
  private static ExperimentStatus atEnd(ExperimentStatus status, Instant now) {
    ExperimentStatus copy = LabYaml.json().convertValue(status, ExperimentStatus.class);
    if (copy.getPhase() == Phase.RUNNING) {
      copy.setPhase(Phase.COMPLETE);
      copy.setCompletedAt(now.toString());
      copy.setMessage("results stored");
    }
    return copy;
  }
}
