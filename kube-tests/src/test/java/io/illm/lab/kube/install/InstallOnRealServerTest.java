package io.illm.lab.kube.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.Kubectl;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * platform/operator as a user installs it: the whole base (CRDs, namespaces, the least-privilege
 * RBAC, configuration, Deployment, Service) rendered by kubectl's kustomize and applied with the
 * command docs/install.md gives ({@code kubectl apply -k platform/operator}), twice, to the real
 * API server: no error and no warning (the API server's Pod Security admission warns about a
 * Deployment whose Pods would break its namespace's `restricted` level), and the Pod the ReplicaSet
 * controller creates from it is admitted under that enforced level. No kubelet runs, so the Pod
 * stays Pending; the Deployment is deleted at the end.
 */
@ExtendWith(RealServer.class)
class InstallOnRealServerTest {

  private static final String NAMESPACE = "illm-lab-system";
  private static final String DEPLOYMENT = "illm-lab-operator";

  @Test
  void theWholeBaseAppliesWithoutErrorOrWarningAndItsPodIsAdmittedAsRestricted(ControlPlane plane)
      throws Exception {
    Kubectl.Result rendered =
        plane.kubectl("kustomize", KubeBinaries.ROOT.resolve("platform/operator").toString());
    assertEquals(0, rendered.exitCode(), rendered.toString());
    assertTrue(rendered.out().contains("kind: CustomResourceDefinition"), "the CRDs rendered");
    // what docs/install.md asks for first: ArgoCD and Argo Workflows installed in their namespaces
    // (other tests may have made them already; this one must not depend on their order)
    for (String prerequisite : List.of("argocd", "argo-workflows")) {
      plane
          .admin()
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(prerequisite).endMetadata().build())
          .createOr(NonDeletingOperation::update);
    }
    try {
      for (int round = 1; round <= 2; round++) {
        boolean first = round == 1;
        // the command docs/install.md gives
        Kubectl.Result applied =
            plane.kubectl("apply", "-k", KubeBinaries.ROOT.resolve("platform/operator").toString());
        assertEquals(0, applied.exitCode(), "round " + round + ": " + applied);
        List<String> warnings =
            applied
                .err()
                .lines()
                // objects this test's control plane made before (its CRDs, namespaces) have no
                // kubectl annotation yet: kubectl says so once and adds it
                .filter(
                    l ->
                        !(first
                            && l.contains(
                                "missing the kubectl.kubernetes.io/last-applied-configuration")))
                .filter(l -> !l.isBlank())
                .toList();
        assertEquals(List.of(), warnings, "no error or warning, round " + round);
        assertTrue(applied.out().contains("deployment.apps/illm-lab-operator"), applied.out());
      }
      String labels =
          plane
              .admin()
              .namespaces()
              .withName(NAMESPACE)
              .get()
              .getMetadata()
              .getLabels()
              .get("pod-security.kubernetes.io/enforce");
      assertEquals("restricted", labels, "the namespace enforces the restricted level");
      List<Pod>[] pods = new List[1];
      RealLab.await(
          "the ReplicaSet controller's Pod admitted",
          () -> {
            pods[0] =
                plane
                    .admin()
                    .pods()
                    .inNamespace(NAMESPACE)
                    .withLabel("app.kubernetes.io/name", DEPLOYMENT)
                    .list()
                    .getItems();
            return !pods[0].isEmpty();
          },
          Duration.ofSeconds(60),
          () -> "replica sets: " + replicaSets(plane) + "\nevents: " + events(plane));
      assertEquals(1, pods[0].size(), "one replica");
      assertEquals(
          "illm-lab-operator", pods[0].get(0).getSpec().getServiceAccountName(), "its account");
    } finally {
      plane
          .admin()
          .apps()
          .deployments()
          .inNamespace(NAMESPACE)
          .withName(DEPLOYMENT)
          .withTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
          .delete();
    }
  }

  private static String replicaSets(ControlPlane plane) {
    StringBuilder out = new StringBuilder();
    for (ReplicaSet rs :
        plane.admin().apps().replicaSets().inNamespace(NAMESPACE).list().getItems()) {
      out.append(rs.getMetadata().getName())
          .append(' ')
          .append(rs.getStatus() == null ? "" : rs.getStatus().getConditions())
          .append('\n');
    }
    return out.toString();
  }

  private static String events(ControlPlane plane) {
    StringBuilder out = new StringBuilder();
    plane
        .admin()
        .v1()
        .events()
        .inNamespace(NAMESPACE)
        .list()
        .getItems()
        .forEach(e -> out.append(e.getReason()).append(": ").append(e.getMessage()).append('\n'));
    return out.toString();
  }
}
