package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ObservabilitySpec;
import io.illm.lab.model.Target;
import io.illm.lab.rules.ComponentRefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The components deployed on a target, in layers: a layer's Applications are created only once
 * every Application of the layer before is Synced and Healthy. With {@code observability.enabled}
 * the first layer is the metrics backhaul (metrics-egress, then metrics-agent labelling series with
 * the experiment's name), so the workload's metrics are scraped from its first second; the last
 * layer is the target's own components. A backhaul component the target lists itself stays in its
 * layer only.
 */
public final class Layers {

  /** The component that opens the target's egress to the hub for metrics. */
  public static final String METRICS_EGRESS = "metrics-egress";

  /** The metrics agent, and the Helm parameter that names the experiment in its external labels. */
  public static final String METRICS_AGENT = "metrics-agent";

  public static final String METRICS_AGENT_EXPERIMENT_PARAM = "alloy.extraEnv[0].value";

  private Layers() {}

  /** The target's layers, in deployment order; never empty layers. */
  public static List<List<ComponentRef>> of(String experiment, Target target) {
    List<ComponentRef> own = target.getComponents() == null ? List.of() : target.getComponents();
    Set<String> listed = new TreeSet<>();
    own.forEach(ref -> listed.add(ComponentRefs.name(ref)));
    List<List<ComponentRef>> layers = new ArrayList<>();
    ObservabilitySpec observability = target.getObservability();
    if (observability != null && observability.isEnabled()) {
      List<ComponentRef> backhaul = new ArrayList<>();
      if (!listed.contains(METRICS_EGRESS)) {
        backhaul.add(new ComponentRef(null, null, METRICS_EGRESS, null));
      }
      if (!listed.contains(METRICS_AGENT)) {
        backhaul.add(
            new ComponentRef(
                METRICS_AGENT, null, null, Map.of(METRICS_AGENT_EXPERIMENT_PARAM, experiment)));
      }
      if (!backhaul.isEmpty()) {
        layers.add(backhaul);
      }
    }
    if (!own.isEmpty()) {
      layers.add(own);
    }
    return layers;
  }

  /** Every component of the target, layers flattened in order. */
  public static List<ComponentRef> all(String experiment, Target target) {
    return of(experiment, target).stream().flatMap(List::stream).toList();
  }
}
