package io.illm.lab.operator.adapters;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.model.Component;
import io.illm.lab.operator.ports.Components;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The component catalogue on a Kubernetes API server: the Component objects (cluster-scoped, one catalogue for all). */
public final class KubernetesComponents implements Components {

  private final KubernetesClient client;

  public KubernetesComponents(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Set<String> missing(ExperimentId experiment, Set<String> names) {
    if (names.isEmpty()) {
      return Set.of();
    }
    List<Component> found = KubernetesCalls.call("listing the components",
        () -> client.resources(Component.class).list().getItems());
    Set<String> missing = new TreeSet<>(names);
    found.forEach(c -> missing.remove(c.getMetadata().getName()));
    return missing;
  }
}
