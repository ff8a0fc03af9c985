package io.illm.lab.operator.cost;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.operator.cost.PriceTable.MachinePrice;
import io.illm.lab.operator.cost.PriceTable.ProviderPrices;
import io.illm.lab.operator.cost.PriceTable.SystemNodes;
import io.illm.lab.operator.lifecycle.ClusterDefaults;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.lifecycle.PhaseDeadlines;
import io.illm.lab.operator.lifecycle.Steps;
import io.illm.lab.results.Cost;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an experiment's clusters cost, from a {@link PriceTable} (docs/judgment.md):
 *
 * <ul>
 *   <li>per target and hour: the requested nodes (spot or on-demand, in every zone of a regional
 *       GKE cluster) plus the provider's system nodes (on-demand) plus the control-plane fee; hub
 *       targets cost nothing; a shape the table does not have makes the cost unknown, with a
 *       reason;
 *   <li>the estimate, before anything is created: the hourly cost times the longest the clusters
 *       can live, which is the smaller of the total deadline and the sum of the phase deadlines,
 *       plus the longest retention of spec.cleanup: a ceiling, not a forecast;
 *   <li>the actual cost: the hourly cost times how long the clusters lived, from the run's start
 *       (status.startedAt) to the confirmed deletion of every child (the Cleaned step), or to now.
 * </ul>
 */
public final class CostModel {

  /** What no number here includes. */
  public static final String LEFT_OUT =
      "nodes and control planes at list prices only: disks, network egress, load"
          + " balancers, free-tier credits and discounts are not included";

  /** Zones a regional GKE cluster spreads its node pools over (the GKE default). */
  static final int GKE_REGIONAL_ZONES = 3;

  private final PriceTable prices;

  public CostModel(PriceTable prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** The model over the price table that ships with the operator. */
  public static CostModel standard() {
    return new CostModel(PriceTable.bundled());
  }

  public PriceTable prices() {
    return prices;
  }

  /**
   * One target's cluster per hour.
   *
   * @param target the target's name
   * @param usdPerHour the cost per hour; null when unknown
   * @param detail what the price is made of, or why it is unknown
   */
  public record Rate(String target, Double usdPerHour, String detail) {}

  /**
   * The estimate before the run.
   *
   * @param rates per target, in spec order
   * @param hourlyUSD all targets per hour; null when any is unknown
   * @param longest the longest the clusters can live
   * @param estimatedUSD hourly × longest; null when any rate is unknown
   * @param unknown why the cost is unknown (empty when known)
   */
  public record Estimate(
      List<Rate> rates,
      Double hourlyUSD,
      Duration longest,
      Double estimatedUSD,
      List<String> unknown) {
    public Estimate {
      rates = List.copyOf(rates);
      unknown = List.copyOf(unknown);
    }
  }

  /** The hourly cost of {@code target}'s cluster. */
  public Rate rate(Target target) {
    String name = target == null ? null : target.getName();
    ClusterSpec cluster = target == null ? null : target.getCluster();
    if (cluster == null || cluster.getProvider() == null) {
      return new Rate(name, null, "no cluster provider");
    }
    Provider provider = cluster.getProvider();
    if (provider == Provider.HUB) {
      return new Rate(name, 0.0, "the hub cluster: nothing is created");
    }
    ProviderPrices table = prices.provider(provider);
    if (table == null) {
      return new Rate(name, null, "the price table has no " + provider + " prices");
    }
    String shape = ClusterDefaults.machineType(cluster);
    MachinePrice machine = table.machines().get(shape);
    boolean spot = Boolean.TRUE.equals(cluster.getPreemptible());
    if (machine == null) {
      return new Rate(
          name,
          null,
          provider
              + " machine type "
              + shape
              + " is not in the price table (add it to "
              + "operator/src/main/resources"
              + PriceTable.RESOURCE
              + ")");
    }
    if (spot && machine.spot() == null) {
      return new Rate(
          name,
          null,
          provider + " machine type " + shape + " has no spot price (it cannot run as spot)");
    }
    int zones =
        provider == Provider.GKE && ClusterDefaults.zone(cluster) == null ? GKE_REGIONAL_ZONES : 1;
    int nodes = ClusterDefaults.nodeCount(cluster) * zones;
    double hourly =
        table.controlPlanePerHour() + nodes * (spot ? machine.spot() : machine.onDemand());
    StringBuilder detail = new StringBuilder(nodes + " x " + shape + (spot ? " spot" : ""));
    SystemNodes system = table.systemNodes();
    if (system != null && system.count() > 0) {
      int count = system.count() * zones;
      hourly += count * table.machines().get(system.machineType()).onDemand();
      detail
          .append(" + ")
          .append(count)
          .append(" x ")
          .append(system.machineType())
          .append(" system");
    }
    if (table.controlPlanePerHour() > 0) {
      detail.append(" + control plane");
    }
    return new Rate(name, round(hourly), detail.toString());
  }

  /** Every target's rate and the estimate for the whole run. */
  public Estimate estimate(ExperimentSpec spec) {
    List<Rate> rates = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    double hourly = 0;
    List<Target> targets =
        spec == null || spec.getTargets() == null ? List.of() : spec.getTargets();
    for (Target target : targets) {
      Rate rate = rate(target);
      rates.add(rate);
      if (rate.usdPerHour() == null) {
        unknown.add("target " + rate.target() + ": " + rate.detail());
      } else {
        hourly += rate.usdPerHour();
      }
    }
    if (targets.isEmpty()) {
      unknown.add("the experiment has no targets");
    }
    Duration longest = longestLife(spec);
    boolean known = unknown.isEmpty();
    return new Estimate(
        rates,
        known ? round(hourly) : null,
        longest,
        known ? round(hourly * hours(longest)) : null,
        unknown);
  }

  /**
   * The longest the clusters can live: the smaller of the total deadline and the sum of the phase
   * deadlines (defaults applied), plus the longer of the two retentions in spec.cleanup.
   */
  public static Duration longestLife(ExperimentSpec spec) {
    PhaseDeadlines d = PhaseDeadlines.of(spec);
    Duration phases = d.provisioning().plus(d.deploying()).plus(d.running()).plus(d.collecting());
    Duration run = phases.compareTo(d.total()) < 0 ? phases : d.total();
    Duration onComplete = PhaseDeadlines.retention(spec, true);
    Duration onFailure = PhaseDeadlines.retention(spec, false);
    return run.plus(onComplete.compareTo(onFailure) > 0 ? onComplete : onFailure);
  }

  /**
   * How long the clusters have lived: from status.startedAt to the Cleaned step (every child
   * confirmed gone), or to {@code now}; zero when no cluster was ever asked for (the run stopped
   * before Pending recorded its targets).
   */
  public static Duration lived(ExperimentStatus status, Instant now) {
    if (status == null || status.getTargets() == null || status.getTargets().isEmpty()) {
      return Duration.ZERO;
    }
    Instant start = time(status.getStartedAt());
    if (start == null) {
      return Duration.ZERO;
    }
    Instant cleaned =
        Steps.CLEANED.equals(status.getStep()) ? time(status.getStepStartedAt()) : null;
    Instant end = cleaned != null ? cleaned : now;
    return end == null || end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
  }

  /**
   * The estimate and the cost so far, for the lifecycle's budget check and status.cost: the cost so
   * far to the cent, as the CLI shows it, so that status.cost changes when that figure does and not
   * at every turn (each change is a status write, and at the hundredth of a cent a $2/h run would
   * write one at almost every turn); the run's summary has its own figure, to a millionth of a
   * dollar.
   */
  public Observation.Cost observe(ExperimentSpec spec, ExperimentStatus status, Instant now) {
    Estimate estimate = estimate(spec);
    if (estimate.hourlyUSD() == null) {
      return Observation.Cost.UNKNOWN;
    }
    double spent = Math.round(estimate.hourlyUSD() * hours(lived(status, now)) * 100) / 100.0;
    return new Observation.Cost(
        estimate.estimatedUSD(), spent, estimate.hourlyUSD(), prices.name());
  }

  /**
   * The run's cost for its summary: estimate, actual per target, budget, table and what is left
   * out.
   */
  public Cost summary(ExperimentSpec spec, ExperimentStatus status, Instant now) {
    Estimate estimate = estimate(spec);
    double hours = hours(lived(status, now));
    SortedMap<String, Double> perTarget = new TreeMap<>();
    for (Rate rate : estimate.rates()) {
      if (rate.usdPerHour() != null && rate.target() != null) {
        perTarget.put(rate.target(), round(rate.usdPerHour() * hours));
      }
    }
    Double actual = estimate.hourlyUSD() == null ? null : round(estimate.hourlyUSD() * hours);
    Double budget = spec == null || spec.getBudget() == null ? null : spec.getBudget().getMaxUSD();
    String note =
        LEFT_OUT
            + (estimate.unknown().isEmpty()
                ? ""
                : "; unknown: " + String.join("; ", estimate.unknown()));
    return new Cost(
        estimate.estimatedUSD(),
        actual,
        estimate.hourlyUSD(),
        budget,
        perTarget,
        prices.name(),
        note);
  }

  private static double hours(Duration duration) {
    return duration.toMillis() / 3_600_000.0;
  }

  /** To a millionth of a dollar: enough for any bill, and free of float noise in the output. */
  static double round(double usd) {
    return Math.round(usd * 1e6) / 1e6;
  }

  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
