package io.illm.lab.operator.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.model.Component;
import io.illm.lab.operator.ports.Components;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The component catalogue on a Kubernetes API server: the Component objects (cluster-scoped, one
 * catalogue for all). Names the {@link ChildCache} knows are there; only when some are not is the
 * catalogue listed afresh, so a Component created a moment ago never reads as missing.
 */
public final class KubernetesComponents implements Components {

  private final KubernetesClient client;
  private final ChildCache cache;

  /** Lists the catalogue afresh on every question. */
  public KubernetesComponents(KubernetesClient client) {
    this(client, ChildCache.NONE);
  }

  /** Answers from {@code cache} when it knows every name asked for, else lists afresh. */
  public KubernetesComponents(KubernetesClient client, ChildCache cache) {
    this.client = client;
    this.cache = cache;
  }

  @Override
  public Set<String> missing(ExperimentId experiment, Set<String> names) {
    if (names.stream().allMatch(cache::knowsComponent)) {
      return Set.of();
    }
    List<Component> found =
        KubernetesCalls.call(
            "listing the components", () -> client.resources(Component.class).list().getItems());
    Set<String> missing = new TreeSet<>(names);
    found.forEach(c -> missing.remove(c.getMetadata().getName()));
    return missing;
  }
}
