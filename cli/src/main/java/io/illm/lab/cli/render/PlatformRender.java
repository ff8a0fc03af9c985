package io.illm.lab.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.platform.HubObject;
import io.illm.lab.platform.PlatformCatalogue;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code render --platform}: every object of the hub definitions on the class path, in the order
 * ArgoCD syncs them (by wave), each checked against its upstream CRD schema. Kubernetes' own kinds
 * (RBAC) have no CRD and are marked so.
 */
final class PlatformRender {

  /**
   * One object and its check.
   *
   * @param object the hub object
   * @param tree the object as JSON
   * @param checked whether an upstream schema knew its kind
   * @param problems what the schema found
   */
  record Checked(HubObject object, JsonNode tree, boolean checked, List<Problem> problems) {

    /** {@code # wave -2 platform/apps/argocd.yaml: schema ok}. */
    String comment() {
      String schema =
          !checked
              ? "no CRD schema (a Kubernetes kind)"
              : problems.isEmpty() ? "schema ok" : "schema: " + problems.size() + " errors";
      return "# wave " + object.wave() + " " + object.path() + ": " + schema;
    }
  }

  private PlatformRender() {}

  /** The hub objects in sync order, each checked when {@code schemas} is there. */
  static List<Checked> render(Optional<UpstreamSchemas> schemas) {
    List<Checked> checked = new ArrayList<>();
    for (PlatformCatalogue platform : PlatformCatalogue.onClasspath()) {
      for (HubObject object : platform.hub().inSyncOrder()) {
        JsonNode tree = LabYaml.json().valueToTree(object.object());
        boolean known = schemas.isPresent() && schemas.get().knows(tree);
        List<Problem> problems =
            known ? schemas.get().check(object.path(), tree) : List.<Problem>of();
        checked.add(new Checked(object, tree, known, problems));
      }
    }
    return checked;
  }

  /** The YAML: each object after its comment line. */
  static String yaml(List<Checked> objects) {
    StringBuilder out = new StringBuilder();
    for (Checked c : objects) {
      out.append("---\n").append(c.comment()).append('\n').append(LabYaml.write(c.tree()));
    }
    return out.toString();
  }

  /** The JSON: {@code {"objects": [{"wave", "path", "checked", "object"}], ...}}. */
  static ObjectNode json(List<Checked> objects) {
    ObjectNode root = LabYaml.json().createObjectNode();
    ArrayNode list = root.putArray("objects");
    for (Checked c : objects) {
      ObjectNode node = list.addObject();
      node.put("wave", c.object().wave());
      node.put("path", c.object().path());
      node.put("checked", c.checked());
      node.set("object", c.tree());
    }
    return root;
  }
}
