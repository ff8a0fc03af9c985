package io.illm.lab.platform.author;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.platform.kinds.crossplane.Composition;
import io.illm.lab.platform.kinds.crossplane.CompositionSpec;
import io.illm.lab.platform.kinds.crossplane.compositionspec.CompositeTypeRef;
import io.illm.lab.platform.kinds.crossplane.compositionspec.Pipeline;
import io.illm.lab.platform.kinds.crossplane.compositionspec.pipeline.FunctionRef;
import io.illm.lab.platform.kinds.crossplane.compositionspec.pipeline.Input;
import io.illm.lab.platform.kinds.pt.Resources;
import io.illm.lab.platform.kinds.pt.resources.resources.Base;
import io.illm.lab.platform.kinds.pt.resources.resources.ConnectionDetails;
import io.illm.lab.platform.kinds.pt.resources.resources.Patches;
import io.illm.lab.platform.kinds.pt.resources.resources.patches.Transforms;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed Crossplane Compositions in Pipeline mode: function-patch-and-transform composes the
 * resources (each a base, its patches and the connection details it passes on), then
 * function-auto-ready marks the composite ready when they are.
 */
public final class Compositions {

  /** The patch-and-transform function (installed by the hub's crossplane packages). */
  public static final String PATCH_AND_TRANSFORM = "function-patch-and-transform";

  /** The function that marks the composite ready once every composed resource is. */
  public static final String AUTO_READY = "function-auto-ready";

  /** Where composites write their connection secrets. */
  public static final String SECRETS_NAMESPACE = "crossplane-system";

  private Compositions() {}

  /** A Composition of {@code resources} for the composite kind, selected by the label given. */
  public static Composition composition(
      String name,
      Map<String, String> labels,
      String compositeApiVersion,
      String compositeKind,
      List<io.illm.lab.platform.kinds.pt.resources.Resources> resources) {
    Composition composition = new Composition();
    composition.setMetadata(new ObjectMetaBuilder().withName(name).withLabels(labels).build());
    CompositionSpec spec = new CompositionSpec();
    CompositeTypeRef type = new CompositeTypeRef();
    type.setApiVersion(compositeApiVersion);
    type.setKind(compositeKind);
    spec.setCompositeTypeRef(type);
    spec.setWriteConnectionSecretsToNamespace(SECRETS_NAMESPACE);
    spec.setMode("Pipeline");
    Resources input = new Resources();
    input.setResources(resources);
    spec.setPipeline(
        List.of(
            step("patch-and-transform", PATCH_AND_TRANSFORM, input),
            step("auto-ready", AUTO_READY, null)));
    composition.setSpec(spec);
    return composition;
  }

  private static Pipeline step(String name, String function, Resources input) {
    Pipeline step = new Pipeline();
    step.setStep(name);
    FunctionRef ref = new FunctionRef();
    ref.setName(function);
    step.setFunctionRef(ref);
    if (input != null) {
      Input tree = new Input();
      Map<String, Object> fields =
          LabYaml.json()
              .convertValue(input, new com.fasterxml.jackson.core.type.TypeReference<>() {});
      fields.remove("metadata");
      fields.forEach(tree::setAdditionalProperty);
      step.setInput(tree);
    }
    return step;
  }

  /** A composed resource: its name in the Composition, base, patches and connection details. */
  public static io.illm.lab.platform.kinds.pt.resources.Resources resource(
      String name,
      Map<String, Object> base,
      List<Patches> patches,
      List<ConnectionDetails> connection) {
    var resource = new io.illm.lab.platform.kinds.pt.resources.Resources();
    resource.setName(name);
    Base tree = new Base();
    base.forEach(tree::setAdditionalProperty);
    resource.setBase(tree);
    resource.setPatches(patches.isEmpty() ? null : patches);
    resource.setConnectionDetails(connection.isEmpty() ? null : connection);
    return resource;
  }

  /** A patch from the composite's {@code from} to the resource's {@code to}. */
  public static Patches from(String from, String to, Transforms... transforms) {
    return patch("FromCompositeFieldPath", from, to, transforms);
  }

  /** A patch from the resource's {@code from} back to the composite's {@code to}. */
  public static Patches back(String from, String to, Transforms... transforms) {
    return patch("ToCompositeFieldPath", from, to, transforms);
  }

  private static Patches patch(String type, String from, String to, Transforms... transforms) {
    Patches patch = new Patches();
    patch.setType(type);
    patch.setFromFieldPath(from);
    patch.setToFieldPath(to);
    patch.setTransforms(transforms.length == 0 ? null : new ArrayList<>(List.of(transforms)));
    return patch;
  }

  /** string Format: {@code fmt} with the value for {@code %s}. */
  public static Transforms format(String fmt) {
    return transform("string", Map.of("type", "Format", "fmt", fmt));
  }

  /** string TrimPrefix. */
  public static Transforms trimPrefix(String prefix) {
    return transform("string", Map.of("type", "TrimPrefix", "trim", prefix));
  }

  /** convert to a string (a boolean before a map). */
  public static Transforms toText() {
    return transform("convert", Map.of("toType", "string"));
  }

  /** map: the value as a key of {@code values}. */
  public static Transforms map(Map<String, String> values) {
    return transform("map", new java.util.TreeMap<>(values));
  }

  private static Transforms transform(String type, Map<String, ?> settings) {
    Transforms transform = new Transforms();
    transform.setAdditionalProperty("type", type);
    transform.setAdditionalProperty(type, new java.util.TreeMap<>(settings));
    return transform;
  }

  /** The composed resource's connection secret key {@code key}, passed on as {@code name}. */
  public static ConnectionDetails connectionKey(String name, String key) {
    ConnectionDetails detail = new ConnectionDetails();
    detail.setName(name);
    detail.setType("FromConnectionSecretKey");
    detail.setFromConnectionSecretKey(key);
    return detail;
  }
}
