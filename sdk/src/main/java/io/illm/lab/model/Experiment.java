package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.sundr.builder.annotations.Buildable;
import io.sundr.builder.annotations.BuildableReference;

/** An experiment: clusters, what runs on them, a workflow, metrics and a hypothesis to judge. */
@Group(Experiment.GROUP)
@Version(Experiment.VERSION)
@Plural("experiments")
@Singular("experiment")
@ShortNames("exp")
@JsonClassDescription(
    "An experiment: clusters to create, components to deploy on them, a workflow to run, metrics to"
        + " collect and a hypothesis to judge them by.")
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Targets",
    jsonPath = ".spec.targets[*].name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Workflow",
    jsonPath = ".status.workflowStatus.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Verdict",
    jsonPath = ".status.hypothesisResult",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Cleaned",
    jsonPath = ".status.resourcesCleaned",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Results",
    jsonPath = ".status.resultsURL",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder",
    refs = @BuildableReference(io.fabric8.kubernetes.api.model.ObjectMeta.class))
@ValidationRule(
    value = "self.metadata.name.size() <= 63 && !self.metadata.name.contains('.')",
    message = Experiment.NAME_RULE)
public class Experiment extends CustomResource<ExperimentSpec, ExperimentStatus>
    implements Namespaced {

  public static final String GROUP = "experiments.illm.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Experiment";

  /**
   * Why an Experiment's name is a DNS-1123 label (the API server allows any subdomain): it becomes
   * the namespace of its workloads and the value of its children's experiment label.
   */
  public static final String NAME_RULE =
      "an Experiment's name must be a DNS-1123 label: at most 63 characters, no dots (it becomes a"
          + " namespace and a label value)";

  @Override
  @Required
  public ExperimentSpec getSpec() {
    return super.getSpec();
  }
}
