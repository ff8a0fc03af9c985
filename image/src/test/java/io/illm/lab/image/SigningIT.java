package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image signed and its SBOM and provenance attested by the real cosign with a key pair made for
 * the test, offline (no transparency log), in a registry on loopback (cosign signs images in
 * registries, not in OCI layouts); then verified by cosign, and refused once tampered with.
 */
class SigningIT {

  static BuiltImage image;
  static Path cosign;
  static Path crane;
  static LoopbackRegistry registry;
  static Path work;
  static String repository;
  static String ref;

  @BeforeAll
  static void signAndAttest() throws IOException {
    image = BuiltImage.ofBuild();
    cosign = Tools.orSkip("cosign", "cosign");
    crane = Tools.orSkip("crane", "crane");
    work = Files.createTempDirectory("illm-signing");
    registry = LoopbackRegistry.start(crane);
    repository = "illm-lab-operator";
    ok(
        crane(
            "push",
            "--insecure",
            image.dir.resolve("oci").toString(),
            registry.host + "/" + repository + ":test"));
    ref = registry.host + "/" + repository + "@" + image.digest;
    ok(cosign("generate-key-pair", "--output-key-prefix", "lab"));
    ok(
        cosign(
            "sign", "--key", "lab.key", "--tlog-upload=false", "--allow-http-registry", "-y", ref));
    ok(
        cosign(
            "attest",
            "--key",
            "lab.key",
            "--tlog-upload=false",
            "--allow-http-registry",
            "-y",
            "--type",
            "cyclonedx",
            "--predicate",
            image.sbom().toString(),
            ref));
    // cosign wraps a predicate in a statement of its own about the image: give it ours
    Path predicate = work.resolve("provenance-predicate.json");
    Files.write(
        predicate,
        OciLayout.JSON.writeValueAsBytes(
            OciLayout.JSON.readTree(image.provenance().toFile()).path("predicate")));
    ok(
        cosign(
            "attest",
            "--key",
            "lab.key",
            "--tlog-upload=false",
            "--allow-http-registry",
            "-y",
            "--type",
            "slsaprovenance1",
            "--predicate",
            predicate.toString(),
            ref));
  }

  @AfterAll
  static void stop() throws IOException {
    if (registry != null) {
      registry.close();
    }
    if (work != null) {
      ImageBuild.deleteTree(work);
    }
  }

  @Test
  void cosignVerifiesTheImagesSignatureWithThePublicKey() throws IOException {
    Tools.Result r =
        ok(
            cosign(
                "verify",
                "--key",
                "lab.pub",
                "--insecure-ignore-tlog",
                "--allow-http-registry",
                ref));
    JsonNode claims = OciLayout.JSON.readTree(r.out());
    assertEquals(
        image.digest,
        claims.path(0).path("critical").path("image").path("docker-manifest-digest").asText());
  }

  @Test
  void cosignVerifiesTheAttestationsAndTheyCarryTheSbomAndProvenanceBuiltBesideTheImage()
      throws IOException {
    JsonNode sbom =
        statement(
            ok(cosign(
                    "verify-attestation",
                    "--key",
                    "lab.pub",
                    "--insecure-ignore-tlog",
                    "--allow-http-registry",
                    "--type",
                    "cyclonedx",
                    ref))
                .out(),
            "https://cyclonedx.org/bom");
    assertEquals(
        image.digest.substring(7),
        sbom.path("subject").path(0).path("digest").path("sha256").asText());
    assertEquals(OciLayout.JSON.readTree(image.sbom().toFile()), sbom.path("predicate"));
    JsonNode provenance =
        statement(
            ok(cosign(
                    "verify-attestation",
                    "--key",
                    "lab.pub",
                    "--insecure-ignore-tlog",
                    "--allow-http-registry",
                    "--type",
                    "slsaprovenance1",
                    ref))
                .out(),
            "https://slsa.dev/provenance/v1");
    // cosign reads the predicate into its SLSA v1 types and writes it again: compare what it says
    JsonNode built = OciLayout.JSON.readTree(image.provenance().toFile()).path("predicate");
    JsonNode attested = provenance.path("predicate");
    assertEquals(
        image.digest.substring(7),
        provenance.path("subject").path(0).path("digest").path("sha256").asText());
    for (String field : List.of("buildType", "externalParameters", "internalParameters")) {
      assertEquals(
          built.path("buildDefinition").path(field),
          attested.path("buildDefinition").path(field),
          field);
    }
    assertEquals(materials(built), materials(attested));
    assertEquals(
        built.path("runDetails").path("builder"), attested.path("runDetails").path("builder"));
  }

  @Test
  void anotherKeyDoesNotVerify() throws IOException {
    ok(cosign("generate-key-pair", "--output-key-prefix", "other"));
    Tools.Result r =
        cosign(
            "verify", "--key", "other.pub", "--insecure-ignore-tlog", "--allow-http-registry", ref);
    assertNotEquals(0, r.exit(), r.out());
  }

  @Test
  void anImageChangedAfterSigningFailsVerificationEvenWithTheSignatureCopiedToIt()
      throws IOException {
    String tampered = registry.host + "/" + repository + ":tampered";
    // one more annotation: another manifest, so another digest, with the same layers
    ok(
        crane(
            "mutate",
            "--insecure",
            "--annotation",
            "org.example.changed=yes",
            ref,
            "-t",
            tampered));
    String digest = OciLayout.sha256(registry.manifest(repository, "tampered"));
    assertNotEquals(image.digest, digest);
    registry.putManifest(
        repository, tag(digest, "sig"), registry.manifest(repository, tag(image.digest, "sig")));
    Tools.Result r =
        cosign(
            "verify",
            "--key",
            "lab.pub",
            "--insecure-ignore-tlog",
            "--allow-http-registry",
            registry.host + "/" + repository + "@" + digest);
    assertNotEquals(0, r.exit(), r.out());
    assertTrue(r.err().contains("no matching signatures"), r.err());
  }

  @Test
  void anSbomChangedInTheRegistryFailsVerification() throws IOException {
    // a copy in its own repository, so the other tests keep the signed one
    String copy = "illm-lab-operator-copy";
    for (String reference :
        List.of(image.digest, tag(image.digest, "sig"), tag(image.digest, "att"))) {
      String from =
          registry.host
              + "/"
              + repository
              + (reference.startsWith("sha256:") ? "@" : ":")
              + reference;
      String to =
          registry.host
              + "/"
              + copy
              + ":"
              + (reference.startsWith("sha256:") ? "image" : reference);
      ok(crane("copy", "--insecure", from, to));
    }
    String copyRef = registry.host + "/" + copy + "@" + image.digest;
    ok(
        cosign(
            "verify-attestation",
            "--key",
            "lab.pub",
            "--insecure-ignore-tlog",
            "--allow-http-registry",
            "--type",
            "cyclonedx",
            copyRef));

    ObjectNode attestations =
        (ObjectNode) LoopbackRegistry.json(registry.manifest(copy, tag(image.digest, "att")));
    for (JsonNode layer : attestations.path("layers")) {
      if (!layer
          .path("annotations")
          .path("predicateType")
          .asText()
          .equals("https://cyclonedx.org/bom")) {
        continue;
      }
      ObjectNode envelope =
          (ObjectNode) LoopbackRegistry.json(registry.blob(copy, layer.path("digest").asText()));
      String payload =
          new String(
              Base64.getDecoder().decode(envelope.path("payload").asText()),
              StandardCharsets.UTF_8);
      // the attacker hides a vulnerable library: a version changed, everything else as signed
      String changed = payload.replace("\"version\":\"7.5.2\"", "\"version\":\"7.5.3\"");
      assertNotEquals(payload, changed, "the SBOM names fabric8 7.5.2");
      envelope.put(
          "payload", Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
      byte[] blob = OciLayout.JSON.writeValueAsBytes(envelope);
      ((ObjectNode) layer).put("digest", registry.putBlob(copy, blob)).put("size", blob.length);
    }
    registry.putManifest(
        copy, tag(image.digest, "att"), OciLayout.JSON.writeValueAsBytes(attestations));
    Tools.Result r =
        cosign(
            "verify-attestation",
            "--key",
            "lab.pub",
            "--insecure-ignore-tlog",
            "--allow-http-registry",
            "--type",
            "cyclonedx",
            copyRef);
    assertNotEquals(0, r.exit(), r.out());
  }

  @Test
  void theSbomAndProvenanceFilesSignedAsBlobsFailVerificationWhenChanged() throws IOException {
    for (Path file : List.of(image.sbom(), image.provenance())) {
      Path sig = work.resolve(file.getFileName() + ".sig");
      ok(
          cosign(
              "sign-blob",
              "--key",
              "lab.key",
              "--tlog-upload=false",
              "-y",
              "--output-signature",
              sig.toString(),
              file.toString()));
      ok(
          cosign(
              "verify-blob",
              "--key",
              "lab.pub",
              "--insecure-ignore-tlog",
              "--signature",
              sig.toString(),
              file.toString()));
      Path changed = work.resolve("changed-" + file.getFileName());
      Files.writeString(
          changed,
          Files.readString(file)
              .replaceFirst("\"sha256\" : \"[0-9a-f]", "\"sha256\" : \"x")
              .replaceFirst("\"content\" : \"[0-9a-f]", "\"content\" : \"x"));
      assertNotEquals(Files.readString(file), Files.readString(changed));
      Tools.Result r =
          cosign(
              "verify-blob",
              "--key",
              "lab.pub",
              "--insecure-ignore-tlog",
              "--signature",
              sig.toString(),
              changed.toString());
      assertNotEquals(0, r.exit(), file + ": " + r.out());
    }
  }

  static java.util.Set<String> materials(JsonNode predicate) {
    java.util.Set<String> materials = new java.util.TreeSet<>();
    for (JsonNode d : predicate.path("buildDefinition").path("resolvedDependencies")) {
      materials.add(
          d.path("uri").asText() + " " + d.path("name").asText() + " " + d.path("digest"));
    }
    return materials;
  }

  /** The statement of the DSSE envelope cosign prints for {@code predicateType}. */
  static JsonNode statement(String out, String predicateType) throws IOException {
    List<JsonNode> statements = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      JsonNode envelope = OciLayout.JSON.readTree(line);
      JsonNode statement =
          OciLayout.JSON.readTree(Base64.getDecoder().decode(envelope.path("payload").asText()));
      if (statement.path("predicateType").asText().equals(predicateType)) {
        statements.add(statement);
      }
    }
    assertEquals(1, statements.size(), "one " + predicateType + " attestation");
    return statements.get(0);
  }

  static String tag(String digest, String kind) {
    return digest.replace(':', '-') + "." + kind;
  }

  static Tools.Result cosign(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(cosign.toString()));
    command.addAll(List.of(args));
    // no password on the test's key; nothing of sigstore's public infrastructure is asked
    return Tools.run(
        work,
        Map.of(
            "COSIGN_PASSWORD",
            "",
            "TUF_ROOT",
            work.resolve("tuf").toString(),
            "SIGSTORE_NO_CACHE",
            "true"),
        180,
        command);
  }

  static Tools.Result crane(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(crane.toString()));
    command.addAll(List.of(args));
    return Tools.run(work, Map.of(), 180, command);
  }

  static Tools.Result ok(Tools.Result r) {
    assertEquals(0, r.exit(), r.out() + r.err());
    return r;
  }
}
