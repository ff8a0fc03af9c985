package io.illm.lab.platform.hub;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRefBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.illm.lab.platform.author.Apps;
import java.util.List;

/**
 * What the lab's Workflow steps may do (io.illm.lab.dsl.LabSteps), as the service account {@code
 * argo-workflow} in {@code argo-workflows}: read the experiments' cluster claims and their
 * connection Secrets (to reach a target's cluster), and on the hub itself (hub targets) wait for
 * workloads, reach Services through the API server and run load Jobs.
 */
public final class WorkflowAccess {

  static final String ACCOUNT = "argo-workflow";
  static final String NAMESPACE = "argo-workflows";
  static final String NAME = "illm-lab-workflow-steps";

  private WorkflowAccess() {}

  /** The Role and binding in {@code experiments}, the ClusterRole and binding for hub targets. */
  public static List<HasMetadata> all() {
    Role claims = new Role();
    claims.setMetadata(meta(NAME, "experiments"));
    claims.setRules(
        List.of(
            new PolicyRuleBuilder()
                .withApiGroups("illm.io")
                .withResources("clusterclaims")
                .withVerbs("get", "list")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("secrets")
                .withVerbs("get")
                .build()));
    RoleBinding claimsBinding = new RoleBinding();
    claimsBinding.setMetadata(meta(NAME, "experiments"));
    claimsBinding.setRoleRef(
        new RoleRefBuilder()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("Role")
            .withName(NAME)
            .build());
    claimsBinding.setSubjects(List.of(account()));
    ClusterRole hub = new ClusterRole();
    hub.setMetadata(meta(NAME, null));
    hub.setRules(
        List.of(
            new PolicyRuleBuilder()
                .withApiGroups("apps")
                .withResources("deployments", "statefulsets")
                .withVerbs("get", "list", "watch")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("services/proxy", "pods", "pods/log")
                .withVerbs("get", "list")
                .build(),
            new PolicyRuleBuilder()
                .withApiGroups("batch")
                .withResources("jobs")
                .withVerbs("get", "list", "watch", "create", "delete")
                .build()));
    ClusterRoleBinding hubBinding = new ClusterRoleBinding();
    hubBinding.setMetadata(meta(NAME, null));
    hubBinding.setRoleRef(
        new RoleRefBuilder()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("ClusterRole")
            .withName(NAME)
            .build());
    hubBinding.setSubjects(List.of(account()));
    return List.of(claims, claimsBinding, hub, hubBinding);
  }

  private static io.fabric8.kubernetes.api.model.rbac.Subject account() {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(ACCOUNT)
        .withNamespace(NAMESPACE)
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta meta(String name, String namespace) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Apps.LABELS)
        .build();
  }
}
