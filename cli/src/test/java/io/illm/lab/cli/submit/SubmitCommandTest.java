package io.illm.lab.cli.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab submit} against the fabric8 mock API server in CRUD mode (not a real API server; no
 * operator runs: the test writes the status the operator would).
 */
@Timeout(30)
class SubmitCommandTest {

  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final String NS = "experiments";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
  private KubernetesMockServer server;
  private KubernetesClient client;
  private Path kubeconfig;

  @BeforeEach
  void startApiServer() throws Exception {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    kubeconfig = kubeconfig("lab-hub", "http://" + server.getHostName() + ":" + server.getPort());
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    client.close();
    server.destroy();
  }

  @Test
  void watchesThroughEachChangeToCompleteAndExitsZero() throws Exception {
    applyCrd();
    Future<Integer> submit = submitInBackground("hello-app");

    awaitOutput("Pending: waiting for the operator");
    assertEquals(NS, experiment().getMetadata().getNamespace());
    patch(
        s -> {
          s.setPhase(Phase.PROVISIONING);
          s.setStep("CreatingClusters");
          s.setPhaseStartedAt(Instant.now().toString());
          s.setTargets(new ArrayList<>(List.of(target("app", "Provisioning"))));
        });
    awaitOutput("Provisioning / CreatingClusters  targets: app=Provisioning  deadline: ");
    patch(
        s -> {
          s.setPhase(Phase.COMPLETE);
          s.setStep("Cleaning");
          s.setTargets(new ArrayList<>(List.of(target("app", "Ready"))));
          s.setHypothesisResult(HypothesisResult.VALIDATED);
          s.setResultsURL("s3://lab/hello-app/summary.json");
          s.setConditions(
              new ArrayList<>(List.of(condition("Ready", "True", "Completed", "the run is over"))));
        });

    assertEquals(0, submit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), err.toString());
    assertWatchedToComplete(out.toString().lines().toList());
    assertTrue(
        err.toString().contains("created experiments/hello-app on kube context lab-hub; watching"),
        err.toString());
  }

  /** The lines of {@link #watchesThroughEachChangeToCompleteAndExitsZero}, then the summary. */
  private static void assertWatchedToComplete(List<String> lines) {
    assertTrue(
        lines.get(0).matches("\\[elapsed \\w+\\] Pending: waiting for the operator to pick it up"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches(
                "\\[elapsed \\w+\\] Provisioning / CreatingClusters  targets: app=Provisioning"
                    + "  deadline: \\w+ left \\(spec.deadlines.provisioning\\)"),
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches(
                "\\[elapsed \\w+\\] Complete / Cleaning  targets: app=Ready  reason: Completed"),
        lines.get(2));
    assertEquals(
        List.of(
            "hello-app: Complete (Completed)",
            "  message: the run is over",
            "  verdict: hypothesis validated",
            "  results: s3://lab/hello-app/summary.json"),
        lines.subList(3, lines.size()));
  }

  @Test
  void aFailedExperimentExitsOneWithItsReason() throws Exception {
    applyCrd();
    Future<Integer> submit = submitInBackground("hello-app");

    awaitOutput("Pending");
    patch(
        s -> {
          s.setPhase(Phase.FAILED);
          s.setMessage("cluster app: quota exceeded");
          s.setConditions(
              new ArrayList<>(List.of(condition("Degraded", "True", "ClusterFailed", "quota"))));
        });

    assertEquals(1, submit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), err.toString());
    assertTrue(
        out.toString()
            .contains("hello-app: Failed (ClusterFailed)\n  message: cluster app: quota exceeded"),
        out.toString());
  }

  @Test
  void aStatusWriteThatChangesNothingShownPrintsNoLine() throws Exception {
    applyCrd();
    Future<Integer> submit = submitInBackground("hello-app");

    awaitOutput("Pending");
    patch(s -> s.setPhase(Phase.RUNNING));
    awaitOutput("Running");
    patch(s -> s.setObservedGeneration(1L));
    patch(s -> s.setPhase(Phase.COMPLETE));

    assertEquals(0, submit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), err.toString());
    assertEquals(
        1, out.toString().lines().filter(l -> l.contains("] Running")).count(), out.toString());
  }

  @Test
  void jsonOutputIsOneObjectPerChange() throws Exception {
    applyCrd();
    Future<Integer> submit = submitInBackground("hello-app", "--output", "json");

    awaitOutput("\"phase\":\"Pending\"");
    patch(
        s -> {
          s.setPhase(Phase.COMPLETE);
          s.setTargets(new ArrayList<>(List.of(target("app", "Ready"))));
          s.setHypothesisResult(HypothesisResult.INVALIDATED);
        });

    assertEquals(0, submit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size(), out.toString());
    JsonNode first = LabYaml.json().readTree(lines.get(0));
    JsonNode last = LabYaml.json().readTree(lines.get(1));
    assertEquals("hello-app", first.path("experiment").asText());
    assertEquals("lab-hub", first.path("context").asText());
    assertEquals("Pending", first.path("phase").asText());
    assertFalse(first.path("terminal").asBoolean());
    assertEquals("Complete", last.path("phase").asText());
    assertTrue(last.path("terminal").asBoolean());
    assertEquals("invalidated", last.path("verdict").asText());
    assertEquals("app", last.path("targets").get(0).path("name").asText());
    assertEquals("Ready", last.path("targets").get(0).path("phase").asText());
    assertEquals(experiment().getMetadata().getUid(), last.path("uid").asText());
    assertTrue(last.has("deadline") && last.has("elapsedSeconds"), lines.get(1));
  }

  @Test
  void noWaitReturnsOnceCreated() throws Exception {
    applyCrd();

    assertEquals(0, submit("hello-app", "--no-wait"), err.toString());

    assertNotNull(experiment());
    assertEquals(1, out.toString().lines().count(), out.toString());
    assertTrue(out.toString().contains("Pending: waiting for the operator"), out.toString());
  }

  @Test
  void theNamespaceOptionPlacesTheExperiment() throws Exception {
    applyCrd();

    assertEquals(
        0, submit("hello-app", "--no-wait", "-n", "team-a", "--output", "json"), err.toString());

    assertNotNull(
        client.resources(Experiment.class).inNamespace("team-a").withName("hello-app").get());
    assertEquals("team-a", LabYaml.json().readTree(out.toString()).path("namespace").asText());
  }

  @Test
  void aNamespaceThatContradictsTheFileIsInvalid() throws Exception {
    applyCrd();
    Path file = dir.resolve("exp.yaml");
    Files.writeString(
        file,
        Files.readString(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml"))
            .replace("  name: hello-app\n", "  name: hello-app\n  namespace: team-b\n"));

    assertEquals(2, submit(file.toString(), "-n", "team-a"));

    assertTrue(
        err.toString()
            .contains(
                "metadata.namespace: the experiment says namespace team-b but --namespace says"
                    + " team-a (drop --namespace, or pass --namespace team-b)"),
        err.toString());
    assertEquals(List.of(), client.resources(Experiment.class).inAnyNamespace().list().getItems());
  }

  @Test
  void anInvalidExperimentCreatesNothingAndListsEveryProblem() throws Exception {
    applyCrd();
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        "apiVersion: experiments.illm.io/v1alpha1\nkind: Experiment\nmetadata:\n  name: Bad_Name\n"
            + "spec:\n  targets: []\n");

    assertEquals(2, submit(file.toString(), "--output", "json"));

    assertEquals(List.of(), client.resources(Experiment.class).inAnyNamespace().list().getItems());
    assertTrue(err.toString().contains("bad.yaml: metadata.name"), err.toString());
    assertTrue(err.toString().contains("bad.yaml: spec.targets"), err.toString());
    assertTrue(err.toString().contains("submit: nothing was created"), err.toString());
    JsonNode json = LabYaml.json().readTree(out.toString());
    assertFalse(json.path("submitted").asBoolean());
    assertEquals(2, json.path("exitCode").asInt());
    assertTrue(json.path("problems").size() >= 2, out.toString());
  }

  @Test
  void anExistingExperimentIsNotTouchedAndTheErrorSaysHowToReplaceIt() throws Exception {
    applyCrd();
    assertEquals(0, submit("hello-app", "--no-wait"));
    String uid = experiment().getMetadata().getUid();

    assertEquals(2, submit("hello-app", "--no-wait"));

    assertEquals(uid, experiment().getMetadata().getUid());
    assertTrue(
        err.toString()
            .contains(
                "experiments/hello-app/experiment.yaml: metadata.name: an Experiment hello-app"
                    + " already exists in namespace experiments of kube context lab-hub (phase Pending"),
        err.toString());
    assertTrue(err.toString().contains("pass --replace"), err.toString());
  }

  @Test
  void replaceDeletesTheExistingExperimentFirst() throws Exception {
    applyCrd();
    assertEquals(0, submit("hello-app", "--no-wait"));
    String uid = experiment().getMetadata().getUid();

    assertEquals(0, submit("hello-app", "--no-wait", "--replace"), err.toString());

    assertNotEquals(uid, experiment().getMetadata().getUid());
    assertTrue(
        err.toString().contains("deleting experiments/hello-app (phase Pending)"), err.toString());
  }

  @Test
  void anExperimentDeletedWhileWatchedExitsOne() throws Exception {
    applyCrd();
    Future<Integer> submit = submitInBackground("hello-app");
    awaitOutput("Pending");

    client.resources(Experiment.class).inNamespace(NS).withName("hello-app").delete();

    assertEquals(1, submit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), err.toString());
    assertTrue(
        err.toString().contains("experiments/hello-app was deleted while being watched"),
        err.toString());
  }

  @Test
  void aClusterWithoutTheCrdSaysHowToInstallIt() {
    assertEquals(3, submit("hello-app"));

    assertTrue(
        err.toString().contains("kube context lab-hub: the cluster at http://"), err.toString());
    assertTrue(
        err.toString().contains("(install the CRDs: kubectl apply -f generated-crds/"),
        err.toString());
    assertTrue(err.toString().contains("nothing was created"), err.toString());
  }

  @Test
  void aClusterThatRefusesSaysWhichRightsAreMissing() {
    server
        .expect()
        .get()
        .withPath("/apis/experiments.illm.io/v1alpha1")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("user \"dev\" cannot get path \"/apis/experiments.illm.io/v1alpha1\"")
                .build())
        .always();

    assertEquals(3, submit("hello-app"));

    assertTrue(
        err.toString().contains("kube context lab-hub: the cluster at http://"), err.toString());
    assertTrue(
        err.toString().contains(" refused: HTTP 403, user \"dev\" cannot get path"),
        err.toString());
    assertTrue(
        err.toString().contains("kubectl auth can-i create experiments.experiments.illm.io"),
        err.toString());
  }

  @Test
  void anExperimentCreatedByOthersMeanwhileIsAConflictNotAnOutage() throws Exception {
    applyCrd();
    server
        .expect()
        .post()
        .withPath("/apis/experiments.illm.io/v1alpha1/namespaces/experiments/experiments")
        .andReturn(409, new StatusBuilder().withCode(409).withReason("AlreadyExists").build())
        .once();

    assertEquals(2, submit("hello-app"));

    assertTrue(
        err.toString()
            .contains(
                "metadata.name: an Experiment hello-app was created in experiments at the same"
                    + " time"),
        err.toString());
  }

  @Test
  void anExperimentTheClustersCrdRefusesIsInvalidAtTheFieldsItNames() throws Exception {
    applyCrd();
    server
        .expect()
        .post()
        .withPath("/apis/experiments.illm.io/v1alpha1/namespaces/experiments/experiments")
        .andReturn(
            422,
            new StatusBuilder()
                .withCode(422)
                .withReason("Invalid")
                .withNewDetails()
                .addNewCause()
                .withField("spec.targets[0].cluster.nodeCount")
                .withMessage("must be at most 100")
                .endCause()
                .endDetails()
                .build())
        .once();

    assertEquals(2, submit("hello-app"));

    assertTrue(
        err.toString()
            .contains(
                "experiments/hello-app/experiment.yaml: spec.targets[0].cluster.nodeCount: the"
                    + " cluster refused it: must be at most 100 (the cluster's CRD rejected what ./lab validate accepted"),
        err.toString());
    assertTrue(
        err.toString().contains("kubectl --context lab-hub apply -f generated-crds/"),
        err.toString());
  }

  @Test
  void aNamespaceThatIsNoNameIsAUsageError() {
    assertEquals(2, submit("hello-app", "-n", "Team_A"));

    assertTrue(
        err.toString().contains("submit: --namespace Team_A: not a namespace name"),
        err.toString());
  }

  @Test
  void anUnreachableClusterNamesTheContextAndTheFix() throws Exception {
    Path nowhere = kubeconfig("far-away", "https://127.0.0.1:1");

    assertEquals(3, submitWith(nowhere, "hello-app"));

    assertTrue(
        err.toString()
            .contains(
                "kube context far-away: cannot reach the cluster at https://127.0.0.1:1/:"
                    + " connection refused"),
        err.toString());
    assertTrue(
        err.toString().contains("is the cluster up? kubectl --context far-away get ns"),
        err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
  }

  @Test
  void anUnknownContextIsAUsageErrorListingTheContexts() {
    assertEquals(2, submit("hello-app", "--context", "nope"));

    assertTrue(
        err.toString()
            .contains(
                "submit: --context nope: no such context in "
                    + kubeconfig
                    + " (contexts: lab-hub)"),
        err.toString());
  }

  @Test
  void aMissingKubeconfigIsAUsageError() {
    assertEquals(2, submitWith(dir.resolve("missing"), "hello-app"));

    assertTrue(
        err.toString()
            .contains("submit: --kubeconfig " + dir.resolve("missing") + ": no such file"),
        err.toString());
  }

  private Path kubeconfig(String context, String server) throws Exception {
    Path file = dir.resolve(context + ".kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        current-context: %1$s
        contexts: [{name: %1$s, context: {cluster: k, user: u, namespace: default}}]
        clusters: [{name: k, cluster: {server: "%2$s"}}]
        users: [{name: u, user: {token: t}}]
        """
            .formatted(context, server));
    return file;
  }

  private void applyCrd() throws Exception {
    try (InputStream crd =
        new FileInputStream(
            LabCheckout.ROOT
                .resolve("generated-crds/experiments.experiments.illm.io.yaml")
                .toFile())) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
  }

  private int submit(String... args) {
    return submitWith(kubeconfig, args);
  }

  private int submitWith(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of("submit"));
    all.addAll(List.of(args));
    all.addAll(List.of("--root", LabCheckout.ROOT.toString(), "--kubeconfig", config.toString()));
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  private Future<Integer> submitInBackground(String... args) {
    return background.submit(() -> submit(args));
  }

  private Experiment experiment() {
    return client.resources(Experiment.class).inNamespace(NS).withName("hello-app").get();
  }

  private void patch(Consumer<ExperimentStatus> change) {
    client
        .resources(Experiment.class)
        .inNamespace(NS)
        .withName("hello-app")
        .editStatus(
            e -> {
              if (e.getStatus() == null) {
                e.setStatus(new ExperimentStatus());
              }
              change.accept(e.getStatus());
              return e;
            });
  }

  private void awaitOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!out.toString().contains(text)) {
      if (System.nanoTime() > deadline) {
        fail("no \"" + text + "\" in stdout: " + out + "\nstderr: " + err);
      }
      Thread.sleep(20);
    }
  }

  private static TargetStatus target(String name, String phase) {
    TargetStatus target = new TargetStatus();
    target.setName(name);
    target.setPhase(phase);
    return target;
  }

  private static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
