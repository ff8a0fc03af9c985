package io.illm.lab.kube.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.RealServer;
import io.illm.lab.kube.TokenKubeconfig;
import io.illm.lab.model.Experiment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab submit} against a real API server whose RBAC decides: a user with no rights on
 * experiments is refused (exit 3, what to ask for), a user with the rights of a submitter (create,
 * get, list, watch experiments in the namespace) creates one. Both with real ServiceAccount tokens.
 */
@ExtendWith(RealServer.class)
class SubmitOnRealServerTest {

  private static final String NS = "submitters";
  private static ControlPlane plane;

  @TempDir static Path temp;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    plane.namespaces(NS);
    for (String account : new String[] {"nobody", "submitter"}) {
      plane
          .admin()
          .serviceAccounts()
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(account)
                  .withNamespace(NS)
                  .endMetadata()
                  .build())
          .createOr(NonDeletingOperation::update);
    }
    plane
        .admin()
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("submitter")
                .withNamespace(NS)
                .endMetadata()
                .addNewRule()
                .withApiGroups(Experiment.GROUP)
                .withResources("experiments")
                .withVerbs("create", "get", "list", "watch")
                .endRule()
                .build())
        .createOr(NonDeletingOperation::update);
    plane
        .admin()
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("submitter")
                .withNamespace(NS)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "submitter")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("submitter")
                .withNamespace(NS)
                .endSubject()
                .build())
        .createOr(NonDeletingOperation::update);
  }

  @Test
  void aUserWithoutRightsOnExperimentsIsRefusedWithWhatToAskFor() {
    Path kubeconfig = temp.resolve("nobody.kubeconfig");
    TokenKubeconfig.write(plane, NS, "nobody", kubeconfig);
    Run run = submit(kubeconfig);
    assertEquals(3, run.code(), run.toString());
    assertTrue(run.err().contains("403"), run.toString());
    assertTrue(
        plane.admin().resources(Experiment.class).inNamespace(NS).list().getItems().isEmpty());
  }

  @Test
  void aSubmitterCreatesTheExperiment() {
    Path kubeconfig = temp.resolve("submitter.kubeconfig");
    TokenKubeconfig.write(plane, NS, "submitter", kubeconfig);
    Run run = submit(kubeconfig);
    assertEquals(0, run.code(), run.toString());
    assertTrue(
        plane.admin().resources(Experiment.class).inNamespace(NS).withName("hello-app").get()
            != null);
  }

  private record Run(int code, String out, String err) {}

  private static Run submit(Path kubeconfig) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(
                "submit",
                "hello-app",
                "--kubeconfig",
                kubeconfig.toString(),
                "-n",
                NS,
                "--no-wait",
                "--root",
                KubeBinaries.ROOT.toString());
    return new Run(code, out.toString(), err.toString());
  }
}
