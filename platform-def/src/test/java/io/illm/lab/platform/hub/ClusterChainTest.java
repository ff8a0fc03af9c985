package io.illm.lab.platform.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.ClusterCredentials;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For each provider, the chain from what the operator claims to what ArgoCD deploys to: the claim
 * (checked against the XRD), the composite Crossplane makes of it, every resource the Composition
 * composes (checked against its provider's CRD), the connection secret the provider writes (a
 * kubeconfig of the shape it writes), passed on to the composite's and the claim's, read by the
 * operator into the ArgoCD cluster Secret. Crossplane and the providers are simulated ({@link
 * Patching}); the objects and schemas are real.
 */
class ClusterChainTest {

  private static final String UID = "5f0c1d2e-aaaa-bbbb-cccc-0123456789ab";
  private static final String CA = "Y2EtZGF0YQ==";

  @Test
  void aGkeClaimEndsAsAClusterSecretWithClientCertificates() throws Exception {
    Secret secret =
        chain("gke", "34.118.1.2", "status: {atProvider: {endpoint: 34.118.1.2}}", certs("gke"));
    assertEquals("https://34.118.1.2", secret.getStringData().get("server"));
    assertTrue(secret.getStringData().get("config").contains("\"certData\""));
  }

  @Test
  void anEksClaimEndsAsAClusterSecretWithTheClusterAuthToken() throws Exception {
    Secret secret =
        chain(
            "eks",
            "ABC.gr7.us-east-1.eks.amazonaws.com",
            "status: {atProvider: {endpoint: https://ABC.gr7.us-east-1.eks.amazonaws.com}}",
            token("eks"));
    assertEquals(
        "https://ABC.gr7.us-east-1.eks.amazonaws.com", secret.getStringData().get("server"));
    assertTrue(secret.getStringData().get("config").contains("\"bearerToken\":\"k8s-aws-v1."));
  }

  @Test
  void anAksClaimEndsAsAClusterSecretWithClientCertificates() throws Exception {
    Secret secret =
        chain(
            "aks",
            "illm-1a2b.hcp.eastus.azmk8s.io",
            "status: {atProvider: {fqdn: illm-1a2b.hcp.eastus.azmk8s.io}}",
            certs("aks"));
    assertEquals("https://illm-1a2b.hcp.eastus.azmk8s.io", secret.getStringData().get("server"));
    assertTrue(secret.getStringData().get("config").contains("\"keyData\""));
  }

  /** The claim through to the cluster Secret; every object on the way checked. */
  private static Secret chain(String provider, String endpoint, String observed, String kubeconfig)
      throws Exception {
    UpstreamSchemas schemas = new UpstreamSchemas(LabCheckout.upstreamOrSkip(), LabCheckout.ROOT);
    JsonNode claim = LabYaml.json().valueToTree(claim(provider));
    List<Problem> problems = new ArrayList<>(schemas.check("claim", claim));
    ObjectNode composite = composite(claim);
    JsonNode composition = composition(claim);
    String connectionSecret = null;
    for (JsonNode resource : composition.at("/spec/pipeline/0/input/resources")) {
      ObjectNode composed = Patching.compose(resource, composite);
      problems.addAll(schemas.check(provider + " " + resource.path("name").asText(), composed));
      if (!resource.path("connectionDetails").isEmpty()) {
        connectionSecret = connectionSecretOf(composed, resource, kubeconfig);
      }
      if (resource.path("name").asText().equals("cluster")) {
        Patching.back(resource, LabYaml.readTrustedTree(observed), composite);
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        UID + "-" + provider, connectionSecret, "the composed secret is named per cluster");
    assertEquals(endpoint, composite.at("/status/endpoint").asText(), "the claim's endpoint");
    return clusterSecret(claim, composite, kubeconfig);
  }

  private static io.illm.lab.operator.children.crossplane.ClusterClaim claim(String provider) {
    ClusterSpec shape = new ClusterSpec();
    shape.setProvider(Provider.valueOf(provider.toUpperCase(java.util.Locale.ROOT)));
    return new ClaimShapes(Placement.DEFAULT)
        .claim("tsdb", new CreateClusterClaim("app", "tsdb-app", shape))
        .orElseThrow();
  }

  /** The composite Crossplane makes of a claim: its spec, a generated name and a uid. */
  private static ObjectNode composite(JsonNode claim) {
    ObjectNode composite = LabYaml.json().createObjectNode();
    composite.put("apiVersion", ClusterApi.API_VERSION).put("kind", ClusterApi.COMPOSITE);
    composite
        .putObject("metadata")
        .put("name", claim.at("/metadata/name").asText() + "-x7k2p")
        .put("uid", UID);
    composite.set("spec", claim.path("spec").deepCopy());
    return composite;
  }

  /** The Composition the claim selects, as synthesized under platform/crossplane. */
  private static JsonNode composition(JsonNode claim) throws Exception {
    String provider = claim.at("/spec/compositionSelector/matchLabels/provider").asText();
    Path file = LabCheckout.ROOT.resolve("platform/crossplane/composition-" + provider + ".yaml");
    JsonNode composition = LabYaml.readTrustedTree(Files.readString(file));
    assertEquals(provider, composition.at("/metadata/labels/provider").asText());
    return composition;
  }

  /**
   * The name of the Secret the provider writes for {@code composed}, after checking that the
   * resource passes its {@code kubeconfig} key on, which is all the composite's connection secret
   * (the XRD's connectionSecretKeys) holds.
   */
  private static String connectionSecretOf(
      JsonNode composed, JsonNode resource, String kubeconfig) {
    JsonNode detail = resource.path("connectionDetails").get(0);
    assertEquals(ClusterApi.KUBECONFIG, detail.path("name").asText());
    assertEquals(ClusterApi.KUBECONFIG, detail.path("fromConnectionSecretKey").asText());
    assertEquals(
        "crossplane-system", composed.at("/spec/writeConnectionSecretToRef/namespace").asText());
    assertTrue(kubeconfig.contains("current-context"));
    return composed.at("/spec/writeConnectionSecretToRef/name").asText();
  }

  /** What the operator registers with ArgoCD from the claim's connection secret. */
  private static Secret clusterSecret(JsonNode claim, JsonNode composite, String kubeconfig) {
    assertEquals(
        claim.at("/metadata/name").asText() + "-kubeconfig",
        claim.at("/spec/writeConnectionSecretToRef/name").asText(),
        "the claim's secret is where the operator reads it");
    ClusterCredentials credentials = ClusterCredentials.fromKubeconfig(kubeconfig).orElseThrow();
    String name = claim.at("/metadata/name").asText();
    return new ApplicationShapes(Placement.DEFAULT)
        .clusterSecret(
            "tsdb",
            new RegisterCluster("app", name, composite.at("/status/endpoint").asText()),
            credentials);
  }

  private static String certs(String user) {
    return kubeconfig(
        Map.of("client-certificate-data", "Y2VydA==", "client-key-data", "a2V5"), user);
  }

  private static String token(String user) {
    return kubeconfig(Map.of("token", "k8s-aws-v1.aHR0cHM6Ly9zdHM"), user);
  }

  private static String kubeconfig(Map<String, String> credentials, String user) {
    StringBuilder userLines = new StringBuilder();
    new java.util.TreeMap<>(credentials)
        .forEach(
            (k, v) -> userLines.append("      ").append(k).append(": ").append(v).append('\n'));
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: c
            cluster: {server: "https://host", certificate-authority-data: %s}
        users:
          - name: %s
            user:
        %s
        contexts:
          - name: ctx
            context: {cluster: c, user: %s}
        current-context: ctx
        """
        .formatted(CA, user, userLines.toString().stripTrailing(), user);
  }
}
