package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.sundr.builder.annotations.Buildable;
import io.sundr.builder.annotations.BuildableReference;

/**
 * A reusable component: where its manifests come from, its parameters and how it exposes metrics.
 */
@Group(Experiment.GROUP)
@Version(Experiment.VERSION)
@Plural("components")
@Singular("component")
@ShortNames("comp")
@JsonClassDescription(
    "A reusable component that experiments deploy on their targets: where its manifests come from"
        + " (Git path or Helm chart), the parameters it takes and how it exposes metrics.")
@AdditionalPrinterColumn(
    name = "Category",
    jsonPath = ".spec.category",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Type",
    jsonPath = ".spec.type",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Description",
    jsonPath = ".spec.description",
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
public class Component extends CustomResource<ComponentSpec, ComponentStatus> {

  public static final String KIND = "Component";

  @Override
  @Required
  public ComponentSpec getSpec() {
    return super.getSpec();
  }
}
