package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.Tutorial;
import io.illm.lab.model.TutorialService;
import io.illm.lab.model.TutorialServiceStatus;
import io.illm.lab.model.TutorialStatus;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tutorial's learner access, from Ready on: each cloud target's kubeconfig in a Secret once its
 * cluster is ready, beside the claim's connection Secret (name and namespace recorded in the status
 * before it is written, so cleanup finds it whatever the spec says later), and the services to open
 * with their endpoints, ready once their target is healthy. Hub targets get no Secret: the hub's
 * own kubeconfig is the learner's already.
 */
final class TutorialAccess {

  /** Target phases in which the target's cluster is ready. */
  private static final Set<String> CLUSTER_READY = Set.of("Ready", "Deploying", "Healthy");

  private TutorialAccess() {}

  static void advance(Turn t) {
    Tutorial tutorial = t.spec.getTutorial();
    if (tutorial == null || t.terminal()) {
      return;
    }
    TutorialStatus status =
        t.status.getTutorial() == null ? new TutorialStatus() : t.status.getTutorial();
    if (tutorial.exposesKubeconfig()) {
      kubeconfigs(t, status);
    }
    status.setServices(services(t, tutorial.getServices()));
    t.status.setTutorial(status);
  }

  private static void kubeconfigs(Turn t, TutorialStatus status) {
    List<KubeconfigSecret> recorded =
        status.getKubeconfigSecrets() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getKubeconfigSecrets());
    for (Target target : t.spec.getTargets()) {
      if (PendingPhase.hub(target) || !clusterReady(t.target(target.getName()))) {
        continue;
      }
      String claim = ExperimentNames.clusterName(t.experiment(), target.getName());
      String secret =
          ExperimentNames.tutorialKubeconfigSecretName(t.experiment(), target.getName());
      if (recorded.stream().noneMatch(k -> secret.equals(k.getSecret()))) {
        recorded.add(new KubeconfigSecret(target.getName(), secret, t.world.kubeconfigNamespace()));
      }
      if (t.world.cluster(claim).kubeconfigSecret() == null) {
        t.act(new ExposeKubeconfig(target.getName(), claim, secret));
      }
    }
    status.setKubeconfigSecrets(recorded.isEmpty() ? null : recorded);
  }

  private static boolean clusterReady(TargetStatus target) {
    return target.getPhase() != null && CLUSTER_READY.contains(target.getPhase());
  }

  /** After cleanup: nothing to open, no Secret left. */
  static void cleaned(Turn t) {
    TutorialStatus status = t.status.getTutorial();
    if (status == null) {
      return;
    }
    status.setKubeconfigSecrets(null);
    if (status.getServices() != null) {
      status.getServices().forEach(s -> s.setReady(false));
    }
  }

  private static List<TutorialServiceStatus> services(Turn t, List<TutorialService> services) {
    if (services == null || services.isEmpty()) {
      return null;
    }
    List<TutorialServiceStatus> out = new ArrayList<>();
    for (TutorialService s : services) {
      TargetStatus target = t.target(s.getTarget());
      out.add(
          new TutorialServiceStatus(
              s.getName(),
              s.getTarget(),
              endpoint(t.experiment(), s),
              "Healthy".equals(target.getPhase())));
    }
    return out;
  }

  /** {@code <service>.<namespace>.svc:<port>[path]}; the namespace defaults to the experiment's. */
  static String endpoint(String experiment, TutorialService s) {
    String namespace = s.getNamespace() == null ? experiment : s.getNamespace();
    return s.getService()
        + "."
        + namespace
        + ".svc:"
        + s.getPort()
        + (s.getPath() == null ? "" : s.getPath());
  }
}
