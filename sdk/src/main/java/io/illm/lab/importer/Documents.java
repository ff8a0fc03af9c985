package io.illm.lab.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Rules for the parts every original document has: status and metadata. */
final class Documents {

  private Documents() {}

  /** Status is observed state of a run of the original operator, not intent: it is not imported. */
  static void dropStatus(ObjectNode document, Findings findings) {
    if (document.has("status")) {
      document.remove("status");
      findings.warn("status", "not carried over: status is written by the operator, not imported",
          "");
    }
  }

  /**
   * Synthesised objects have fixed names, so a {@code generateName} prefix {@code x-} becomes the
   * name {@code x}; a name already present wins.
   */
  static void nameFromGenerateName(ObjectNode document, Findings findings) {
    if (!(document.get("metadata") instanceof ObjectNode metadata) || !metadata.has("generateName")) {
      return;
    }
    String prefix = metadata.remove("generateName").asText();
    if (metadata.hasNonNull("name")) {
      findings.warn("metadata.generateName", "not carried over: generateName is dropped, name "
          + metadata.get("name").asText() + " is kept", "synth'd experiments have fixed names");
      return;
    }
    String name = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
    metadata.set("name", TextNode.valueOf(name));
    findings.warn("metadata.generateName", "generateName replaced by name " + name
        + "; synth'd experiments have fixed names", "");
  }
}
