package io.illm.lab.operator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.yaml.LabYaml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that tells a run's spec from an edited one: SHA-256 of the spec's deterministic JSON
 * ({@link LabYaml#json()}: sorted keys, no empty values), so that formatting and key order never
 * count as an edit.
 */
public final class SpecHash {

  private SpecHash() {}

  /** {@code sha256:<64 hex digits>} of the spec (of {@code null} for none). */
  public static String of(ExperimentSpec spec) {
    try {
      byte[] json = LabYaml.json().writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the spec cannot be written as JSON: " + e.getOriginalMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
