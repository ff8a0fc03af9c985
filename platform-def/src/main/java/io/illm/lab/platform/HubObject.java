package io.illm.lab.platform;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * One object of the hub and the file under the lab root it is written to.
 *
 * @param path relative to the lab root, e.g. {@code platform/apps/crossplane.yaml}
 * @param object the object
 */
public record HubObject(String path, HasMetadata object) {

  /** The annotation ArgoCD orders a sync by: lower waves are applied and healthy first. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** The object's sync wave (0 when it has none). */
  public int wave() {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String wave = annotations == null ? null : annotations.get(SYNC_WAVE);
    return wave == null ? 0 : Integer.parseInt(wave);
  }

  /** How problems and listings name it: {@code Kind namespace/name}. */
  public String label() {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }
}
