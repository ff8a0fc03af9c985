package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ObservabilitySpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.rules.ComponentRefs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayersTest {

  @Test
  void withoutObservabilityTheTargetsComponentsAreTheOnlyLayer() {
    Target target = SampleExperiments.target("app", Provider.GKE, List.of(), "prometheus", "k6");
    assertEquals(List.of(List.of("prometheus", "k6")), names(Layers.of("exp", target)));
  }

  @Test
  void observabilityPutsTheMetricsBackhaulFirstWithTheExperimentsName() {
    Target target = SampleExperiments.target("app", Provider.GKE, List.of(), "prometheus");
    target.setObservability(new ObservabilitySpec(true, null));
    List<List<ComponentRef>> layers = Layers.of("exp", target);
    assertEquals(
        List.of(List.of("metrics-egress", "metrics-agent"), List.of("prometheus")), names(layers));
    assertEquals("metrics-egress", layers.get(0).get(0).getConfig());
    assertEquals(Map.of("alloy.extraEnv[0].value", "exp"), layers.get(0).get(1).getParams());
  }

  @Test
  void aBackhaulComponentTheTargetListsItselfIsNotDeployedTwice() {
    Target target = SampleExperiments.target("app", Provider.HUB, List.of(), "metrics-agent");
    target.setObservability(new ObservabilitySpec(true, null));
    assertEquals(
        List.of(List.of("metrics-egress"), List.of("metrics-agent")),
        names(Layers.of("exp", target)));
  }

  @Test
  void disabledObservabilityAndNoComponentsMeansNoLayers() {
    Target target = SampleExperiments.target("app", Provider.GKE, List.of());
    target.setObservability(new ObservabilitySpec(false, null));
    assertEquals(List.of(), Layers.of("exp", target));
  }

  private static List<List<String>> names(List<List<ComponentRef>> layers) {
    return layers.stream().map(l -> l.stream().map(ComponentRefs::name).toList()).toList();
  }
}
