package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.platform.HubObject;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lab render --platform} on the lab's own hub: every object, in sync-wave order, checked
 * against the upstream schemas with no error.
 */
class RenderPlatformTest {

  /** Kubernetes' own kinds: no CRD to check them against. */
  private static final Set<String> CORE =
      Set.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void everyHubObjectInWaveOrderWithNoSchemaError() throws Exception {
    LabCheckout.upstreamOrSkip();
    assertEquals(0, render("--output", "json"), err.toString());
    JsonNode root = LabYaml.json().readTree(out.toString());
    assertTrue(root.path("valid").asBoolean(), root.path("problems").toString());
    assertEquals(0, root.path("problems").size(), root.path("problems").toString());
    List<HubObject> hub = new LabPlatform().hub().objects();
    assertEquals(hub.size(), root.path("objects").size(), "every object of the hub");
    List<Integer> waves = new ArrayList<>();
    for (JsonNode object : root.path("objects")) {
      waves.add(object.path("wave").asInt());
      String kind = object.at("/object/kind").asText();
      assertTrue(
          object.path("checked").asBoolean() || CORE.contains(kind),
          object.path("path").asText() + " was not checked against a schema");
    }
    List<Integer> sorted = new ArrayList<>(waves);
    sorted.sort(Integer::compare);
    assertEquals(sorted, waves, "in sync-wave order");
  }

  @Test
  void theYamlSaysEachObjectsWaveAndCheck() {
    LabCheckout.upstreamOrSkip();
    assertEquals(0, render(), err.toString());
    String yaml = out.toString();
    assertTrue(yaml.contains("# wave -2 platform/apps/argocd.yaml: schema ok"), yaml);
    assertTrue(err.toString().contains(" 0 errors"), err.toString());
  }

  @Test
  void anExperimentAndThePlatformTogetherIsAUsageError() {
    assertEquals(2, render("hello-app"), err.toString());
    assertTrue(err.toString().contains("not both"), err.toString());
  }

  private int render(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "render";
    all[1] = "--platform";
    all[2] = "--root";
    all[3] = LabCheckout.ROOT.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }
}
