package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.list;
import static io.illm.lab.platform.Tree.map;

import io.illm.lab.operator.adapters.s3.S3Settings;
import io.illm.lab.operator.main.OperatorConfig;
import java.util.List;
import java.util.Map;

/**
 * The operator on this hub: a kustomize overlay of its base ({@code platform/operator}, which
 * brings the CRDs of {@code generated-crds/} and its namespaces) that points it at the hub's
 * metrics backend and results bucket, the key read from the Secret {@code results-s3} of its
 * namespace (docs/hub.md, step 3).
 */
final class OperatorOverlay {

  /** Where the overlay is written; the operator's Application syncs this folder. */
  static final String FOLDER = "platform/hub/operator";

  /** The Secret in illm-lab-system holding the results store's key. */
  static final String SECRET = "results-s3";

  private OperatorOverlay() {}

  /** kustomization.yaml: the base, and a JSON patch adding the hub's settings to its env. */
  static Map<String, Object> kustomization() {
    List<Object> operations = list();
    env()
        .forEach(
            variable ->
                operations.add(
                    map(
                        "op",
                        "add",
                        "path",
                        "/spec/template/spec/containers/0/env/-",
                        "value",
                        variable)));
    return map(
        "apiVersion",
        "kustomize.config.k8s.io/v1beta1",
        "kind",
        "Kustomization",
        "resources",
        list("../../operator"),
        "patches",
        list(
            map(
                "target",
                map("kind", "Deployment", "name", "illm-lab-operator"),
                "patch",
                io.illm.lab.yaml.LabYaml.write(operations))));
  }

  /** The hub's settings as the operator reads them (docs/engine.md). */
  static List<Map<String, Object>> env() {
    return List.of(
        value(OperatorConfig.PROMETHEUS_URL, Services.METRICS_URL),
        value(S3Settings.URL, "s3://" + Services.BUCKET + "/lab"),
        value(S3Settings.ENDPOINT, Services.S3_URL),
        value(S3Settings.PATH_STYLE, "true"),
        secret(S3Settings.ACCESS_KEY_ID, "accessKey"),
        secret(S3Settings.SECRET_ACCESS_KEY, "secretKey"));
  }

  private static Map<String, Object> value(String name, String value) {
    return map("name", name, "value", value);
  }

  private static Map<String, Object> secret(String name, String key) {
    return map("name", name, "valueFrom", map("secretKeyRef", map("name", SECRET, "key", key)));
  }
}
