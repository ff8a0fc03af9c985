package io.illm.lab.hub.sim;

import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Action.UnregisterCluster;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.ports.Clusters;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Simulated cluster claims: Provisioning for {@link SimTimings#clusterReady()}, then Ready (or
 * Failed, see {@link #fail}); Deleting for {@link SimTimings#clusterGone()}, then gone.
 */
public final class SimClusters implements Clusters {

  private static final class Claim {
    final ExperimentId owner;
    final Instant created;
    Instant deleteRequested;

    Claim(ExperimentId owner, Instant created) {
      this.owner = owner;
      this.created = created;
    }
  }

  private final SimClock clock;
  private final SimTimings timings;
  private final SimChanges changes;
  private final SimFaults faults = new SimFaults("clusters");
  private final Map<String, Claim> claims = new HashMap<>();
  private final Map<String, ExperimentId> registrations = new HashMap<>();
  private final Map<String, String> failing = new HashMap<>();
  private final Map<String, Kubeconfig> kubeconfigs = new HashMap<>();

  /** A tutorial kubeconfig Secret: whose, and of which cluster. */
  private record Kubeconfig(ExperimentId owner, String cluster) {}

  SimClusters(SimClock clock, SimTimings timings, SimChanges changes) {
    this.clock = clock;
    this.timings = timings;
    this.changes = changes;
  }

  /**
   * Failure switch: the claim {@code name} (now or when created) ends Failed with {@code message}.
   */
  public synchronized void fail(String name, String message) {
    failing.put(name, message);
    Claim claim = claims.get(name);
    if (claim != null) {
      changes.at(claim.created.plus(timings.clusterReady()), claim.owner);
    }
  }

  /** Transient-error switch: the next {@code calls} calls throw. */
  public void failNext(int calls) {
    faults.failNext(calls);
  }

  /** Transient-error switch: the next {@code changes} changes throw; observing still works. */
  public void failNextChanges(int changes) {
    faults.failNextChanges(changes);
  }

  /** Every claim that exists now, of any experiment (for tests: nothing leaked). */
  public synchronized Map<String, ClusterState> existing() {
    Map<String, ClusterState> out = new TreeMap<>();
    claims.forEach(
        (name, claim) -> {
          ClusterState s = state(name, claim, clock.instant());
          if (!s.missing()) {
            out.put(name, s);
          }
        });
    return out;
  }

  @Override
  public synchronized Map<String, ClusterObservation> observe(ExperimentId experiment) {
    faults.check();
    Instant now = clock.instant();
    claims
        .entrySet()
        .removeIf(
            e ->
                state(e.getKey(), e.getValue(), now)
                    == ClusterState.GONE); // a long run keeps no ghosts
    Map<String, ClusterObservation> out = new TreeMap<>();
    claims.forEach(
        (name, claim) -> {
          ClusterState s = state(name, claim, now);
          if (claim.owner.equals(experiment) && !s.missing()) {
            out.put(
                name,
                new ClusterObservation(
                    s,
                    s == ClusterState.READY ? endpoint(name) : null,
                    s == ClusterState.FAILED ? failing.get(name) : null,
                    registrations.containsKey(name)));
          }
        });
    registrations.forEach(
        (name, owner) -> {
          if (owner.equals(experiment) && !out.containsKey(name)) {
            out.put(name, new ClusterObservation(ClusterState.ABSENT, null, null, true));
          }
        });
    return out;
  }

  @Override
  public synchronized void create(ExperimentId experiment, CreateClusterClaim action) {
    faults.checkChange();
    Instant now = clock.instant();
    Claim existing = claims.get(action.name());
    if (existing == null || state(action.name(), existing, now).missing()) {
      claims.put(action.name(), new Claim(experiment, now));
      changes.after(timings.clusterReady(), experiment);
    }
  }

  @Override
  public synchronized void delete(ExperimentId experiment, DeleteClusterClaim action) {
    faults.checkChange();
    Claim claim = claims.get(action.name());
    if (claim != null && claim.deleteRequested == null) {
      claim.deleteRequested = clock.instant();
      changes.after(timings.clusterGone(), claim.owner);
    }
  }

  @Override
  public synchronized void register(ExperimentId experiment, RegisterCluster action) {
    faults.checkChange();
    if (registrations.put(action.clusterName(), experiment) == null) {
      changes.after(java.time.Duration.ZERO, experiment);
    }
  }

  @Override
  public synchronized void unregister(ExperimentId experiment, UnregisterCluster action) {
    faults.checkChange();
    if (registrations.remove(action.clusterName()) != null) {
      changes.after(java.time.Duration.ZERO, experiment);
    }
  }

  /** Every tutorial kubeconfig Secret that exists now, of any experiment (for tests). */
  public synchronized Map<String, String> existingKubeconfigs() {
    Map<String, String> out = new TreeMap<>();
    kubeconfigs.forEach((secret, k) -> out.put(secret, k.cluster()));
    return out;
  }

  /** The claims namespace of the lab's platform, as the real port's {@link Placement#DEFAULT}. */
  @Override
  public String kubeconfigNamespace() {
    return Placement.DEFAULT.claims();
  }

  @Override
  public synchronized Map<String, String> kubeconfigSecrets(
      ExperimentId experiment, Set<String> names) {
    faults.check();
    Map<String, String> out = new TreeMap<>();
    for (String secret : names) {
      Kubeconfig k = kubeconfigs.get(secret);
      if (k != null && k.owner().equals(experiment)) {
        out.put(k.cluster(), secret);
      }
    }
    return out;
  }

  /** Like the real port, only from a ready claim (the connection secret exists then). */
  @Override
  public synchronized void exposeKubeconfig(ExperimentId experiment, ExposeKubeconfig action) {
    faults.checkChange();
    Claim claim = claims.get(action.clusterName());
    if (claim == null
        || state(action.clusterName(), claim, clock.instant()) != ClusterState.READY) {
      throw new PortException(
          "connection secret " + action.clusterName() + "-kubeconfig does not exist yet");
    }
    if (kubeconfigs.putIfAbsent(action.secret(), new Kubeconfig(experiment, action.clusterName()))
        == null) {
      changes.after(java.time.Duration.ZERO, experiment);
    }
  }

  @Override
  public synchronized void deleteKubeconfig(ExperimentId experiment, DeleteKubeconfig action) {
    faults.checkChange();
    if (kubeconfigs.remove(action.secret()) != null) {
      changes.after(java.time.Duration.ZERO, experiment);
    }
  }

  @Override
  public boolean simulated() {
    return true;
  }

  private ClusterState state(String name, Claim claim, Instant now) {
    if (claim.deleteRequested != null) {
      return now.isBefore(claim.deleteRequested.plus(timings.clusterGone()))
          ? ClusterState.DELETING
          : ClusterState.GONE;
    }
    if (now.isBefore(claim.created.plus(timings.clusterReady()))) {
      return ClusterState.PROVISIONING;
    }
    return failing.containsKey(name) ? ClusterState.FAILED : ClusterState.READY;
  }

  private static String endpoint(String name) {
    return name + ".sim.illm.invalid";
  }
}
