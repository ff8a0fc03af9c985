package io.illm.lab.platform.hub;

import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.platform.author.Apps;
import io.illm.lab.platform.author.Apps.Repo;
import java.util.List;

/**
 * The Applications that sync the lab's own objects from its repository, ordered so that what
 * defines a kind comes before what uses it: the Crossplane packages (-1... after Crossplane), the
 * XRD and Compositions, the ProviderConfigs and cloud foundations once the providers' CRDs exist,
 * the Workflows' access, the policies once Kyverno runs, the operator with the Experiment and
 * Component CRDs ({@link OperatorOverlay}), the Components and last the experiments (each with its
 * WorkflowTemplate).
 */
public final class LabApps {

  private LabApps() {}

  /** Every one of them, for the repository {@code repo}. */
  public static List<Application> all(Repo repo) {
    return List.of(
        Apps.git(
            "crossplane-packages",
            0,
            "crossplane-system",
            repo,
            "platform/crossplane/packages",
            false),
        Apps.git("cluster-api", 1, "crossplane-system", repo, "platform/crossplane", false),
        Apps.git(
            "provider-configs",
            2,
            "crossplane-system",
            repo,
            "platform/crossplane/provider-configs",
            false),
        Apps.git("aws-foundation", 3, "crossplane-system", repo, "platform/crossplane/aws", false),
        Apps.git(
            "azure-foundation", 3, "crossplane-system", repo, "platform/crossplane/azure", false),
        Apps.git("workflow-access", 1, "argo-workflows", repo, "platform/workflows", false),
        Apps.git("policies", 1, "kyverno", repo, "platform/kyverno", false),
        // the operator's base brings generated-crds/ (Experiment, Component) and its namespaces
        Apps.git("illm-lab-operator", 2, "illm-lab-system", repo, OperatorOverlay.FOLDER, false),
        Apps.git("components", 4, "illm-lab-system", repo, "components", true),
        Apps.git("experiments", 5, "experiments", repo, "experiments", true));
  }
}
