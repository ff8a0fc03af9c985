package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.cli.follow.Follower;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.cli.submit.KubeContext;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only cluster tools, present in every mode: the kube contexts the server can use, and an
 * experiment's status on one of them, watched for a bounded time. Submitting and deleting are in
 * {@link WriteTools}, present only when allowed.
 */
final class ClusterTools {

  /** The longest a status call watches. */
  static final int LONGEST_WAIT_SECONDS = 300;

  private final Lab lab;

  ClusterTools(Lab lab) {
    this.lab = lab;
  }

  List<LabTool> tools() {
    return List.of(contexts(), status());
  }

  private LabTool contexts() {
    return new LabTool(
        "list_contexts",
        "List kube contexts",
        "The kube contexts of the server's kubeconfig (names and API server URLs only, never"
            + " credentials), and the current one. Cluster tools take one of these as context.",
        Schema.input().build(),
        Schema.output()
            .array("contexts", "name and server of each context")
            .nullable("current", "string", "the kubeconfig's current context, or null")
            .required("contexts", "current")
            .build(),
        true,
        false,
        call -> {
          KubeContext.Chosen chosen = KubeContext.choose(lab.kubeconfig().orElse(null), null);
          ObjectNode out = LabYaml.json().createObjectNode();
          ArrayNode contexts = out.putArray("contexts");
          if (chosen.context().isEmpty()) {
            out.putNull("current");
            out.put("problem", chosen.problem().map(Object::toString).orElse(null));
            return out;
          }
          var config = chosen.context().get().config();
          List<NamedContext> named =
              config.getContexts() == null ? List.of() : config.getContexts();
          named.stream()
              .map(NamedContext::getName)
              .sorted()
              .forEach(n -> contexts.addObject().put("name", n));
          out.put(
              "current",
              config.getCurrentContext() == null ? null : config.getCurrentContext().getName());
          out.put("server", chosen.context().get().server());
          return out;
        });
  }

  private LabTool status() {
    return new LabTool(
        "experiment_status",
        "An experiment's status on a cluster",
        "Reads an experiment on the cluster of a kube context: phase, step, targets, workflow,"
            + " deadline, verdict, results URL. With waitSeconds it watches (no polling) until the"
            + " experiment ends or the time passes, sending a progress notification per change. Read"
            + " only.",
        Schema.input()
            .string("context", "the kube context (list_contexts)")
            .string("namespace", "the namespace; default " + Cluster.DEFAULT_NAMESPACE)
            .string("name", "the experiment's name")
            .integer(
                "waitSeconds",
                "watch up to this long; default 0 (read once)",
                0,
                LONGEST_WAIT_SECONDS)
            .required("context", "name")
            .build(),
        Schema.output()
            .string("experiment", "the experiment")
            .string("context", "the kube context")
            .string("phase", "Pending, Provisioning, Ready, Running, Complete or Failed")
            .bool("terminal", "true once Complete or Failed")
            .strings("changes", "a line per change seen while watching")
            .required("experiment", "context", "phase", "terminal", "changes")
            .build(),
        true,
        false,
        call -> {
          String ns = Cluster.name("namespace", orDefault(call.text("namespace")));
          String name = Cluster.name("name", call.required("name"));
          int wait = call.integer("waitSeconds", 0);
          return Cluster.with(
              lab,
              call.required("context"),
              (client, kube) -> watch(client, kube, ns, name, wait, call));
        });
  }

  private ObjectNode watch(
      KubernetesClient client,
      KubeContext kube,
      String ns,
      String name,
      int wait,
      LabTool.Call call)
      throws ToolFailure, InterruptedException {
    Experiment now = client.resources(Experiment.class).inNamespace(ns).withName(name).get();
    if (now == null) {
      throw ToolFailure.error(
          "name",
          "no experiment " + name + " in namespace " + ns + " of kube context " + kube.name(),
          "check the name and namespace (kubectl --context "
              + kube.name()
              + " get experiments -A)");
    }
    Timeline time = new Timeline.Server(lab.clock());
    List<String> changes = new ArrayList<>();
    Experiment last = now;
    if (wait > 0 && !Progress.terminal(now)) {
      Follower.Outcome outcome =
          Follower.atMost(client, Duration.ofSeconds(wait))
              .follow(
                  ns,
                  name,
                  e -> {
                    String line = Progress.line(e, time);
                    changes.add(line);
                    call.progress().accept(line);
                  });
      last = lastOf(outcome, now);
    }
    ObjectNode out = Progress.json(last, kube.name(), time);
    ArrayNode lines = out.putArray("changes");
    changes
        .subList(Math.max(0, changes.size() - RunTool.PROGRESS_LINES), changes.size())
        .forEach(lines::add);
    return out;
  }

  private static Experiment lastOf(Follower.Outcome outcome, Experiment fallback) {
    if (outcome instanceof Follower.Ended ended) {
      return ended.experiment();
    }
    if (outcome instanceof Follower.Deleted deleted) {
      return deleted.experiment();
    }
    return outcome instanceof Follower.TimedOut timedOut
        ? timedOut.lastSeen().orElse(fallback)
        : fallback;
  }

  static String orDefault(String namespace) {
    return namespace == null ? Cluster.DEFAULT_NAMESPACE : namespace;
  }
}
