package io.illm.lab.hub.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.children.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The local hub's background JVM ({@code ./lab hub up} starts it, {@code down} stops it): the
 * simulated clouds ({@link SimCloud}: Crossplane, ArgoCD and Argo Workflows with typical timings
 * {@code factor} times shorter, a simulated Prometheus, the lab's Components and placeholder
 * WorkflowTemplates) acting as the admin, and the operator ({@link HubOperator}) as its
 * ServiceAccount, under the RBAC of {@code platform/operator/rbac/}.
 *
 * <p>Arguments: the hub folder, the lab root, the results folder, the time factor.
 */
public final class HubMain {

  private HubMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    HubFolder folder = new HubFolder(Path.of(args[0]));
    Path labRoot = Path.of(args[1]);
    Path results = Path.of(args[2]);
    double factor = Double.parseDouble(args[3]);
    KubernetesClient admin = LocalHub.asAdmin(folder);
    KubernetesClient operatorClient = LocalHub.asOperator(folder);
    Placement placement = Placement.DEFAULT;
    SimCloud cloud = SimCloud.start(admin, placement, SimCloud.faster(SimTimings.TYPICAL, factor));
    cloud.publish(HubContent.components(labRoot));
    HubContent.templates(labRoot).forEach(cloud::workflowTemplate);
    HubOperator operator =
        HubOperator.start(
            operatorClient, HubOperator.Options.of(placement, cloud.prometheus(), results));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  cloud.close();
                  operatorClient.close();
                  admin.close();
                  stopped.countDown();
                },
                "hub-stop"));
    Files.writeString(folder.operatorReady(), Instant.now() + "\n");
    System.out.println(
        "operator running as "
            + HubContent.OPERATOR_ACCOUNT
            + "; clouds SIMULATED (typical timings / "
            + factor
            + "); results in "
            + results);
    stopped.await();
  }
}
