package io.illm.lab.operator.children;

/**
 * Where the operator puts its child objects: one namespace per kind of child, and the service
 * account workflows run as. Configuration, not code (the original hard-coded all of them).
 *
 * @param claims namespace of the Crossplane cluster claims and their connection secrets
 * @param argocd namespace of ArgoCD's Applications and cluster secrets
 * @param workflows namespace of the Argo Workflows and their WorkflowTemplates
 * @param workflowServiceAccount service account the Workflows run as
 */
public record Placement(
    String claims, String argocd, String workflows, String workflowServiceAccount) {

  /** The namespaces of the lab's platform (platform/). */
  public static final Placement DEFAULT =
      new Placement("experiments", "argocd", "argo-workflows", "argo-workflow");
}
