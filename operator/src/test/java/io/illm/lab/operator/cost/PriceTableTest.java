package io.illm.lab.operator.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.dsl.AksMachine;
import io.illm.lab.dsl.EksMachine;
import io.illm.lab.dsl.GkeMachine;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.operator.cost.PriceTable.ProviderPrices;
import io.illm.lab.operator.lifecycle.ClusterDefaults;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.YamlDocuments;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable table = PriceTable.bundled();

  @Test
  void theBundledTableSaysWhenAndWhereItsNumbersComeFrom() {
    assertEquals("2026-11-27", table.date());
    assertTrue(table.source().contains("not fetched"), table.source());
    assertTrue(table.name().contains("2026-11-27"), table.name());
    assertEquals(List.of("aks", "eks", "gke"), List.copyOf(table.providers().keySet()));
    assertEquals(List.of(), table.problems("prices.json"));
  }

  @Test
  void everyShapeTheDslOffersAndEveryDefaultIsPriced() {
    List<String> missing = new ArrayList<>();
    Stream.of(GkeMachine.values())
        .map(GkeMachine::value)
        .filter(m -> !priced(Provider.GKE, m))
        .forEach(missing::add);
    Stream.of(EksMachine.values())
        .map(EksMachine::value)
        .filter(m -> !priced(Provider.EKS, m))
        .forEach(missing::add);
    Stream.of(AksMachine.values())
        .map(AksMachine::value)
        .filter(m -> !priced(Provider.AKS, m))
        .forEach(missing::add);
    for (Provider provider : List.of(Provider.GKE, Provider.EKS, Provider.AKS)) {
      String shape =
          ClusterDefaults.machineType(
              new io.illm.lab.model.ClusterSpec(
                  provider, null, null, null, null, null, null, null));
      if (!priced(provider, shape)) {
        missing.add(provider + " default " + shape);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyShapeTheCataloguesExperimentsUseIsPriced() {
    List<String> missing = new ArrayList<>();
    List<java.nio.file.Path> files = LabCheckout.experiments();
    assertFalse(files.isEmpty(), "no experiments/*/experiment.yaml under " + LabCheckout.ROOT);
    for (var file : files) {
      Experiment experiment = LabCheckout.experiment(file);
      for (Target target : experiment.getSpec().getTargets()) {
        CostModel.Rate rate = CostModel.standard().rate(target);
        if (rate.usdPerHour() == null) {
          missing.add(file + ": " + target.getName() + ": " + rate.detail());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theSystemNodesAreTheOnesThePlatformCompositionsCreate() throws Exception {
    JsonNode gke =
        composition("gke")
            .path("spec")
            .path("pipeline")
            .get(0)
            .path("input")
            .path("resources")
            .get(0)
            .path("base")
            .path("spec")
            .path("forProvider");
    JsonNode aks =
        composition("aks")
            .path("spec")
            .path("pipeline")
            .get(0)
            .path("input")
            .path("resources")
            .get(0)
            .path("base")
            .path("spec")
            .path("forProvider")
            .path("defaultNodePool");

    assertEquals(
        gke.path("initialNodeCount").asInt(), table.provider(Provider.GKE).systemNodes().count());
    assertEquals(
        "e2-medium",
        table.provider(Provider.GKE).systemNodes().machineType(),
        "GKE's default machine type for a default pool without nodeConfig");
    assertEquals(aks.path("nodeCount").asInt(), table.provider(Provider.AKS).systemNodes().count());
    assertEquals(
        aks.path("vmSize").asText(), table.provider(Provider.AKS).systemNodes().machineType());
    assertEquals(0, table.provider(Provider.EKS).systemNodes().count());
  }

  @Test
  void controlPlaneFeesAreGkeAndEksTenCentsAndAksFreeTier() {
    assertEquals(0.10, table.provider(Provider.GKE).controlPlanePerHour());
    assertEquals(0.10, table.provider(Provider.EKS).controlPlanePerHour());
    assertEquals(0.0, table.provider(Provider.AKS).controlPlanePerHour());
  }

  @Test
  void spotIsCheaperThanOnDemandForEveryShape() {
    for (ProviderPrices prices : table.providers().values()) {
      prices
          .machines()
          .forEach(
              (shape, price) ->
                  assertTrue(price.spot() == null || price.spot() < price.onDemand(), shape));
    }
  }

  @Test
  void aBrokenTableIsRefusedWithEveryProblemAndItsPath() {
    String json =
        """
        {"name": "n", "date": "d", "source": "s", "providers": {
          "hub": {"region": "r", "controlPlanePerHour": 0, "systemNodes": {"count": 0}, "machines": {}},
          "gke": {"region": "r", "controlPlanePerHour": -1,
                  "systemNodes": {"machineType": "e2-tiny", "count": 1},
                  "machines": {"e2-medium": {"onDemand": 0.03, "spot": 0.05}, "free": {"onDemand": 0}}}}}
        """;

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PriceTable.read(
                    "bad.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

    assertEquals(
        List.of(
            "bad.json: providers.gke.controlPlanePerHour: must be a number >= 0",
            "bad.json: providers.gke.machines.e2-medium.spot: must be > 0 and at most onDemand (or null: no spot)",
            "bad.json: providers.gke.machines.free.onDemand: must be a number > 0",
            "bad.json: providers.gke.systemNodes.machineType: e2-tiny is not priced in providers.gke.machines",
            "bad.json: providers.hub: not a provider that creates clusters (gke, eks, aks)"),
        e.getMessage().lines().toList());
  }

  @Test
  void aMistypedFieldIsRefusedWithItsPath() {
    String json =
        """
        {"name": "n", "date": "d", "source": "s", "providers": {"gke": {"region": "r", "controlPlanePerHour": 0.1,
          "systemNodes": {"count": 0}, "machines": {"e2-medium": {"onDemand": "cheap"}}}}}
        """;

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PriceTable.read(
                    "bad.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

    assertTrue(
        e.getMessage().startsWith("bad.json: providers.gke.machines.e2-medium.onDemand: "),
        e.getMessage());
  }

  private boolean priced(Provider provider, String shape) {
    return table.provider(provider).machines().containsKey(shape);
  }

  private static JsonNode composition(String provider) throws Exception {
    var file = LabCheckout.ROOT.resolve("platform/crossplane/composition-" + provider + ".yaml");
    return YamlDocuments.read(file, file.toString()).documents().get(0);
  }
}
