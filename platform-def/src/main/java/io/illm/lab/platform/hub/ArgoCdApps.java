package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.map;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.platform.author.Apps;
import io.illm.lab.platform.author.Apps.Chart;
import io.illm.lab.platform.author.Apps.Repo;
import io.illm.lab.platform.kinds.argocd.AppProject;
import io.illm.lab.platform.kinds.argocd.AppProjectSpec;
import io.illm.lab.platform.kinds.argocd.appprojectspec.ClusterResourceWhitelist;
import io.illm.lab.platform.kinds.argocd.appprojectspec.Destinations;
import java.util.List;
import java.util.Map;

/**
 * ArgoCD managing itself: the root Application (app-of-apps over {@code platform/apps}, applied
 * once by hand), the hub's AppProject, and ArgoCD's own Application, the argo-cd chart 7.7.5
 * (v2.13.1, the original's pin) with the values the bootstrap install uses too (so ArgoCD adopts
 * its own release): the health checks of Experiments and Applications in argocd-cm.
 */
public final class ArgoCdApps {

  /** The chart ArgoCD is installed from, at bootstrap and then by itself. */
  public static final Chart CHART =
      new Chart("https://argoproj.github.io/argo-helm", "argo-cd", "7.7.5", "argocd");

  private ArgoCdApps() {}

  /** The root Application: syncs {@code platform/apps} of the lab's repository. */
  public static Application root(Repo repo) {
    return Apps.git("illm-lab-hub", 0, Apps.NAMESPACE, repo, "platform/apps", false);
  }

  /** ArgoCD's own Application. */
  public static Application self() {
    return Apps.helm("argocd", -2, Apps.NAMESPACE, CHART, values());
  }

  /** The Helm values of ArgoCD, at bootstrap and after. */
  public static Map<String, Object> values() {
    return map(
        "configs",
        map(
            "cm", HealthChecks.argocdCm(),
            "params", map("server.insecure", true)));
  }

  /** The project of the hub's Applications: anything from anywhere onto this cluster. */
  public static AppProject project() {
    AppProject project = new AppProject();
    project.setMetadata(
        new ObjectMetaBuilder()
            .withName(Apps.PROJECT)
            .withNamespace(Apps.NAMESPACE)
            .withLabels(Apps.LABELS)
            .withAnnotations(Map.of(io.illm.lab.platform.HubObject.SYNC_WAVE, "-3"))
            .build());
    AppProjectSpec spec = new AppProjectSpec();
    spec.setDescription("The illm-lab hub's own services (module platform-def)");
    spec.setSourceRepos(List.of("*"));
    Destinations here = new Destinations();
    here.setServer(Apps.IN_CLUSTER);
    here.setNamespace("*");
    spec.setDestinations(List.of(here));
    ClusterResourceWhitelist all = new ClusterResourceWhitelist();
    all.setGroup("*");
    all.setKind("*");
    spec.setClusterResourceWhitelist(List.of(all));
    project.setSpec(spec);
    return project;
  }
}
