package io.illm.lab.platform.author;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argocd.ApplicationSpec;
import io.illm.lab.operator.children.argocd.applicationspec.Destination;
import io.illm.lab.operator.children.argocd.applicationspec.Sources;
import io.illm.lab.operator.children.argocd.applicationspec.SyncPolicy;
import io.illm.lab.operator.children.argocd.applicationspec.sources.Directory;
import io.illm.lab.operator.children.argocd.applicationspec.sources.Helm;
import io.illm.lab.operator.children.argocd.applicationspec.sources.helm.ValuesObject;
import io.illm.lab.operator.children.argocd.applicationspec.syncpolicy.Automated;
import io.illm.lab.operator.children.argocd.applicationspec.syncpolicy.Retry;
import io.illm.lab.operator.children.argocd.applicationspec.syncpolicy.retry.Backoff;
import io.illm.lab.platform.HubObject;
import java.util.List;
import java.util.Map;

/**
 * The hub's ArgoCD Applications, typed: a Helm chart at a pinned version with its values, or a
 * folder of a Git repository. Every one is in the hub's project, synced automatically (prune, self
 * heal, retried with backoff), server-side applied (large CRDs exceed the client-side annotation),
 * creates its namespace, carries its sync wave and deletes what it deployed when deleted.
 */
public final class Apps {

  /** Where ArgoCD and its Applications live. */
  public static final String NAMESPACE = "argocd";

  /** The AppProject of the hub's own Applications. */
  public static final String PROJECT = "illm-lab-hub";

  /** The label every object of the hub carries. */
  public static final Map<String, String> LABELS =
      Map.of("app.kubernetes.io/part-of", "illm-lab-hub");

  /** This cluster, as ArgoCD names it. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  /**
   * A Helm chart at a pinned version.
   *
   * @param repoURL the chart repository
   * @param chart the chart's name
   * @param version its version (pin it, and say where it comes from)
   * @param releaseName the Helm release name
   */
  public record Chart(String repoURL, String chart, String version, String releaseName) {}

  /**
   * A Git repository at a revision.
   *
   * @param repoURL the repository
   * @param revision a branch, tag or commit
   */
  public record Repo(String repoURL, String revision) {}

  private Apps() {}

  /** An Application installing {@code chart} with {@code values} into {@code namespace}. */
  public static Application helm(
      String name, int wave, String namespace, Chart chart, Map<String, Object> values) {
    Sources source = new Sources();
    source.setRepoURL(chart.repoURL());
    source.setChart(chart.chart());
    source.setTargetRevision(chart.version());
    Helm helm = new Helm();
    helm.setReleaseName(chart.releaseName());
    if (!values.isEmpty()) {
      ValuesObject object = new ValuesObject();
      values.forEach(object::setAdditionalProperty);
      helm.setValuesObject(object);
    }
    source.setHelm(helm);
    return application(name, wave, namespace, source);
  }

  /**
   * An Application syncing the manifests under {@code path} of {@code repo} (a kustomization when
   * the folder has one), into {@code namespace} for objects that name none.
   */
  public static Application git(
      String name, int wave, String namespace, Repo repo, String path, boolean recurse) {
    Sources source = new Sources();
    source.setRepoURL(repo.repoURL());
    source.setTargetRevision(repo.revision());
    source.setPath(path);
    if (recurse) {
      Directory directory = new Directory();
      directory.setRecurse(true);
      source.setDirectory(directory);
    }
    return application(name, wave, namespace, source);
  }

  private static Application application(String name, int wave, String namespace, Sources source) {
    Application app = new Application();
    app.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(NAMESPACE)
            .withLabels(LABELS)
            .withAnnotations(Map.of(HubObject.SYNC_WAVE, Integer.toString(wave)))
            .withFinalizers(ApplicationShapes.RESOURCES_FINALIZER)
            .build());
    ApplicationSpec spec = new ApplicationSpec();
    spec.setProject(PROJECT);
    spec.setSources(List.of(source));
    Destination destination = new Destination();
    destination.setServer(IN_CLUSTER);
    destination.setNamespace(namespace);
    spec.setDestination(destination);
    spec.setSyncPolicy(syncPolicy());
    app.setSpec(spec);
    return app;
  }

  private static SyncPolicy syncPolicy() {
    SyncPolicy policy = new SyncPolicy();
    Automated automated = new Automated();
    automated.setPrune(true);
    automated.setSelfHeal(true);
    policy.setAutomated(automated);
    policy.setSyncOptions(List.of("CreateNamespace=true", "ServerSideApply=true"));
    Retry retry = new Retry();
    retry.setLimit(10L);
    Backoff backoff = new Backoff();
    backoff.setDuration("10s");
    backoff.setFactor(2L);
    backoff.setMaxDuration("5m");
    retry.setBackoff(backoff);
    policy.setRetry(retry);
    return policy;
  }
}
