package io.illm.lab.platform.hub;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.platform.Hub;
import io.illm.lab.platform.author.Apps.Repo;
import io.illm.lab.yaml.LabYaml;
import java.util.List;

/**
 * The lab's hub as code: the root Application and one Application per platform service under {@code
 * platform/apps/}, the objects those sync ({@code platform/crossplane/...}, {@code
 * platform/workflows/}), and the bootstrap files ({@code platform/bootstrap/}). The user's
 * repository ({@link HubParameters}) provides {@code platform/kyverno} and {@code
 * platform/operator} (hand-written kustomize; {@code platform/hub/operator} is the hub's overlay of
 * the latter), {@code generated-crds/}, {@code components/} and {@code experiments/}. docs/hub.md
 * tells how to install it; ADR-030 why it is Java.
 */
public final class StandardHub {

  static final String APPS = "platform/apps/";
  static final String CROSSPLANE = "platform/crossplane/";

  private StandardHub() {}

  /** The hub of a lab whose repository and clouds {@code parameters} name. */
  public static Hub of(HubParameters parameters) {
    Repo repo = new Repo(parameters.repoURL(), parameters.revision());
    Hub hub = new Hub();
    hub.add("platform/bootstrap/root.yaml", ArgoCdApps.root(repo));
    hub.addFile("platform/bootstrap/argocd-values.yaml", LabYaml.write(ArgoCdApps.values()));
    hub.addFile(
        OperatorOverlay.FOLDER + "/kustomization.yaml",
        LabYaml.write(OperatorOverlay.kustomization()));
    hub.add(APPS + "project.yaml", ArgoCdApps.project());
    app(hub, ArgoCdApps.self());
    Services.all().forEach(a -> app(hub, a));
    LabApps.all(repo).forEach(a -> app(hub, a));
    crossplane(hub, parameters);
    WorkflowAccess.all().forEach(o -> hub.add(file("platform/workflows/", o), o));
    return hub;
  }

  private static void crossplane(Hub hub, HubParameters parameters) {
    hub.add(CROSSPLANE + "xrd.yaml", ClusterApi.xrd());
    for (String provider : List.of("gke", "eks", "aks")) {
      hub.add(CROSSPLANE + "composition-" + provider + ".yaml", ClusterCompositions.of(provider));
    }
    CrossplanePackages.all().forEach(o -> hub.add(file(CROSSPLANE + "packages/", o), o));
    ProviderConfigs.all(parameters)
        .forEach(o -> hub.add(file(CROSSPLANE + "provider-configs/", o), o));
    CloudFoundations.aws(parameters.awsRegion())
        .forEach(o -> hub.add(file(CROSSPLANE + "aws/", o), o));
    CloudFoundations.azure(parameters.azureLocation())
        .forEach(o -> hub.add(file(CROSSPLANE + "azure/", o), o));
  }

  private static void app(Hub hub, Application app) {
    hub.add(APPS + app.getMetadata().getName() + ".yaml", app);
  }

  /** {@code folder/<kind>-<name>.yaml}, kind in lower case; a ProviderConfig by its group. */
  private static String file(String folder, HasMetadata object) {
    String kind = object.getKind().toLowerCase(java.util.Locale.ROOT);
    String name = object.getMetadata().getName();
    if (object.getKind().equals("ProviderConfig")) {
      name = object.getApiVersion().substring(0, object.getApiVersion().indexOf('.'));
    }
    return folder + kind + "-" + name + ".yaml";
  }
}
