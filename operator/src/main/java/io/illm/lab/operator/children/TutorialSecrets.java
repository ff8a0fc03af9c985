package io.illm.lab.operator.children;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A tutorial's kubeconfig Secret: in the claims namespace beside the connection Secret it is copied
 * from, key {@code kubeconfig}, labelled as every child plus target, cluster and {@value #LABEL}.
 * The clusters port reads it by name and checks these labels, so a Secret of that name it did not
 * write for this experiment is not taken for one.
 */
public final class TutorialSecrets {

  /** The label that marks a tutorial kubeconfig Secret; its value is {@value #VALUE}. */
  public static final String LABEL = "experiments.illm.io/tutorial";

  public static final String VALUE = "kubeconfig";

  private TutorialSecrets() {}

  /** The labels every tutorial kubeconfig Secret of {@code experiment} carries. */
  public static Map<String, String> selector(String experiment) {
    Map<String, String> labels = ChildLabels.of(experiment);
    labels.put(LABEL, VALUE);
    return labels;
  }

  /**
   * The Secret holding {@code kubeconfig} for the learner, in {@code data} (as the API server
   * stores it, so what is read back is what was written).
   */
  public static Secret secret(
      String experiment, String namespace, ExposeKubeconfig action, String kubeconfig) {
    Map<String, String> labels = selector(experiment);
    labels.put(ChildLabels.TARGET, action.target());
    labels.put(ChildLabels.CLUSTER, action.clusterName());
    return new SecretBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(action.secret())
                .withNamespace(namespace)
                .withLabels(labels)
                .build())
        .withType("Opaque")
        .withData(
            Map.of(
                KubeconfigSecret.KEY,
                Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))))
        .build();
  }
}
