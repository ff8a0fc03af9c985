package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.cli.submit.ClusterProblems;
import io.illm.lab.cli.submit.KubeContext;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tools that change a cluster, registered only when the server was started to allow them:
 * {@code submit_experiment} ({@code --allow-submit}; within {@code --max-budget} and the {@code
 * --namespace} allowlist; never replaces an existing experiment) and {@code delete_experiment}
 * ({@code --allow-delete}; in allowed namespaces only). Each checks the policy again when called.
 */
final class WriteTools {

  private final Lab lab;

  WriteTools(Lab lab) {
    this.lab = lab;
  }

  /** The tools the policy allows; none by default. */
  List<LabTool> tools() {
    List<LabTool> tools = new ArrayList<>();
    if (lab.policy().allowSubmit()) {
      tools.add(submit());
    }
    if (lab.policy().allowDelete()) {
      tools.add(delete());
    }
    return tools;
  }

  private LabTool submit() {
    return new LabTool(
        "submit_experiment",
        "Submit an experiment to a cluster",
        "Validates an experiment and creates it on the cluster of a kube context, where the operator"
            + " runs it on REAL clouds, at real cost. Allowed only into the namespaces this server allows ("
            + String.join(", ", lab.policy().namespaces())
            + "), and only when the experiment's budget and estimated cost are at most "
            + Policy.usd(lab.policy().maxBudgetUSD().orElse(0.0))
            + ". Never replaces an existing experiment. Follow it with experiment_status.",
        ExperimentInput.arguments(Schema.input())
            .string("context", "the kube context (list_contexts)")
            .string(
                "namespace", "the namespace; default the file's, else " + Cluster.DEFAULT_NAMESPACE)
            .required("context")
            .build(),
        Schema.output()
            .bool("submitted", "true: it was created")
            .string("experiment", "its name")
            .string("namespace", "its namespace")
            .string("context", "the kube context")
            .string("phase", "its phase when created")
            .required("submitted", "experiment", "namespace", "context")
            .build(),
        false,
        false,
        call -> {
          try (ExperimentInput input = ExperimentInput.of(call, lab)) {
            Experiment experiment = checked(input, call.text("namespace"));
            return Cluster.with(
                lab,
                call.required("context"),
                (client, kube) -> create(client, kube, experiment, input.label()));
          }
        });
  }

  /** The experiment, valid, in its namespace, within the policy; else every problem. */
  private Experiment checked(ExperimentInput input, String namespace) throws ToolFailure {
    List<Problem> problems = new ArrayList<>();
    Experiment experiment = LabFiles.load(input.file(), input.label(), lab.catalogue(), problems);
    if (experiment == null || problems.stream().anyMatch(Problem::isError)) {
      throw ToolFailure.error(problems.stream().filter(Problem::isError).toList());
    }
    String declared = experiment.getMetadata().getNamespace();
    if (namespace != null && declared != null && !namespace.equals(declared)) {
      throw ToolFailure.error(
          "namespace",
          "the experiment says namespace " + declared + " but namespace is " + namespace,
          "leave namespace out, or pass " + declared);
    }
    String ns =
        Cluster.name(
            "namespace",
            namespace != null
                ? namespace
                : Optional.ofNullable(declared).orElse(Cluster.DEFAULT_NAMESPACE));
    List<Problem> refusals = lab.policy().submitRefusals(input.label(), experiment, ns);
    if (!refusals.isEmpty()) {
      throw ToolFailure.refused(refusals);
    }
    experiment.getMetadata().setNamespace(ns);
    return experiment;
  }

  private ObjectNode create(
      KubernetesClient client, KubeContext kube, Experiment experiment, String label)
      throws ToolFailure {
    String ns = experiment.getMetadata().getNamespace();
    String name = experiment.getMetadata().getName();
    Resource<Experiment> resource =
        client.resources(Experiment.class).inNamespace(ns).withName(name);
    Optional<Problem> missing = ClusterProblems.crdMissing(client, kube);
    if (missing.isPresent()) {
      throw ToolFailure.error(List.of(missing.get()));
    }
    Experiment existing = resource.get();
    if (existing != null) {
      throw ToolFailure.error(List.of(ClusterProblems.exists(label, existing, kube)));
    }
    Experiment created;
    try {
      created = client.resource(experiment).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw ToolFailure.error(List.of(ClusterProblems.createdMeanwhile(label, name, ns)));
      }
      if (e.getCode() == 400 || e.getCode() == 422) {
        throw ToolFailure.error(ClusterProblems.rejected(label, kube, e));
      }
      throw e;
    }
    ObjectNode out = Progress.json(created, kube.name(), new Timeline.Server(lab.clock()));
    out.put("submitted", true);
    out.put(
        "next",
        "experiment_status context="
            + kube.name()
            + " namespace="
            + ns
            + " name="
            + name
            + " waitSeconds=60");
    return out;
  }

  private LabTool delete() {
    return new LabTool(
        "delete_experiment",
        "Delete an experiment from a cluster",
        "Deletes an experiment on the cluster of a kube context; the operator then deletes its"
            + " clusters and children before it goes (follow with experiment_status). Only in the"
            + " namespaces this server allows ("
            + String.join(", ", lab.policy().namespaces())
            + ").",
        Schema.input()
            .string("context", "the kube context (list_contexts)")
            .string("namespace", "the namespace; default " + Cluster.DEFAULT_NAMESPACE)
            .string("name", "the experiment's name")
            .required("context", "name")
            .build(),
        Schema.output()
            .bool("deleted", "true: the deletion was asked for")
            .string("experiment", "its name")
            .string("namespace", "its namespace")
            .string("context", "the kube context")
            .required("deleted", "experiment", "namespace", "context")
            .build(),
        false,
        true,
        call -> {
          String ns = Cluster.name("namespace", ClusterTools.orDefault(call.text("namespace")));
          String name = Cluster.name("name", call.required("name"));
          List<Problem> refusals = lab.policy().namespaceRefusals("delete_experiment", ns);
          if (!refusals.isEmpty()) {
            throw ToolFailure.refused(refusals);
          }
          return Cluster.with(
              lab, call.required("context"), (client, kube) -> deleted(client, kube, ns, name));
        });
  }

  private static ObjectNode deleted(
      KubernetesClient client, KubeContext kube, String ns, String name) throws ToolFailure {
    Resource<Experiment> resource =
        client.resources(Experiment.class).inNamespace(ns).withName(name);
    if (resource.get() == null) {
      throw ToolFailure.error(
          "name",
          "no experiment " + name + " in namespace " + ns + " of kube context " + kube.name(),
          "check the name (experiment_status)");
    }
    resource.delete();
    ObjectNode out = LabYaml.json().createObjectNode();
    out.put("deleted", true);
    out.put("experiment", name);
    out.put("namespace", ns);
    out.put("context", kube.name());
    out.put("note", "the operator deletes its clusters and children, then the experiment goes");
    return out;
  }
}
