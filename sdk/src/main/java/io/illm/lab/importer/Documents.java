package io.illm.lab.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules for the parts every original document has: status and metadata. */
final class Documents {

  /** Metadata that is intent, and carried. */
  private static final Set<String> CARRIED =
      Set.of("name", "generateName", "namespace", "labels", "annotations");

  /** Metadata the cluster wrote on the object it ran as (kubectl get -o yaml): not intent. */
  private static final Set<String> FROM_THE_CLUSTER =
      Set.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink",
          "finalizers",
          "ownerReferences");

  /**
   * kubectl's copy of the whole object as last applied: it would bring every dropped field back.
   */
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private Documents() {}

  /** Status is observed state of a run of the original operator, not intent: it is not imported. */
  static void dropStatus(ObjectNode document, Findings findings) {
    if (document.has("status")) {
      document.remove("status");
      findings.warn(
          "status", "not carried over: status is written by the operator, not imported", "");
    }
  }

  /** Keeps the metadata that is intent, and turns a generateName prefix into the name. */
  static void metadata(ObjectNode document, Findings findings) {
    if (!(document.get("metadata") instanceof ObjectNode metadata)) {
      return;
    }
    List<String> names = new ArrayList<>();
    metadata.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (FROM_THE_CLUSTER.contains(name)) {
        metadata.remove(name);
        findings.warn(
            FieldPath.key("metadata", name),
            "not carried over: written by the cluster on the object the original ran as, not part of its definition",
            "");
      } else if (!CARRIED.contains(name)) {
        metadata.remove(name);
        findings.warn(
            FieldPath.key("metadata", name),
            "not carried over: unknown metadata field " + name,
            "known here: " + String.join(", ", CARRIED.stream().sorted().toList()));
      }
    }
    if (metadata.get("annotations") instanceof ObjectNode annotations
        && annotations.has(LAST_APPLIED)) {
      annotations.remove(LAST_APPLIED);
      findings.warn(
          "metadata.annotations." + LAST_APPLIED,
          "not carried over: kubectl's copy of the original object, which the import replaces",
          "");
    }
    nameFromGenerateName(metadata, findings);
  }

  /**
   * Synthesised objects have fixed names, so a {@code generateName} prefix {@code x-} becomes the
   * name {@code x}; a name already present wins.
   */
  private static void nameFromGenerateName(ObjectNode metadata, Findings findings) {
    if (!metadata.has("generateName")) {
      return;
    }
    String prefix = metadata.remove("generateName").asText();
    if (metadata.hasNonNull("name")) {
      findings.warn(
          "metadata.generateName",
          "not carried over: generateName is dropped, name "
              + metadata.get("name").asText()
              + " is kept",
          "synth'd experiments have fixed names");
      return;
    }
    String name = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
    metadata.set("name", TextNode.valueOf(name));
    findings.warn(
        "metadata.generateName",
        "generateName replaced by name " + name + "; synth'd experiments have fixed names",
        "");
  }
}
