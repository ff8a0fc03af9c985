package io.illm.lab.platform.hub;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * One ProviderConfig {@code default} per cloud, each reading its credentials from a plain Secret in
 * {@code crossplane-system} that the hub's operator creates by hand, once (docs/hub.md; ADR-034):
 * {@code gcp-credentials} (key {@code credentials.json}: a service account key), {@code
 * aws-credentials} (key {@code credentials}: an AWS credentials file, profile default) and {@code
 * azure-credentials} (key {@code credentials.json}: a service principal as {@code az ad sp
 * create-for-rbac --sdk-auth} prints it).
 */
public final class ProviderConfigs {

  /** Where the credential Secrets live. */
  public static final String NAMESPACE = "crossplane-system";

  private ProviderConfigs() {}

  /** The three ProviderConfigs. */
  public static List<HasMetadata> all(HubParameters hub) {
    return List.of(gcp(hub.gcpProject()), aws(), azure());
  }

  private static HasMetadata gcp(String project) {
    var config = new io.illm.lab.platform.kinds.gcp.ProviderConfig();
    config.setMetadata(new ObjectMetaBuilder().withName("default").build());
    var spec = new io.illm.lab.platform.kinds.gcp.ProviderConfigSpec();
    spec.setProjectID(project);
    var credentials = new io.illm.lab.platform.kinds.gcp.providerconfigspec.Credentials();
    credentials.setSource("Secret");
    var secret = new io.illm.lab.platform.kinds.gcp.providerconfigspec.credentials.SecretRef();
    secret.setNamespace(NAMESPACE);
    secret.setName("gcp-credentials");
    secret.setKey("credentials.json");
    credentials.setSecretRef(secret);
    spec.setCredentials(credentials);
    config.setSpec(spec);
    return config;
  }

  private static HasMetadata aws() {
    var config = new io.illm.lab.platform.kinds.aws.ProviderConfig();
    config.setMetadata(new ObjectMetaBuilder().withName("default").build());
    var spec = new io.illm.lab.platform.kinds.aws.ProviderConfigSpec();
    var credentials = new io.illm.lab.platform.kinds.aws.providerconfigspec.Credentials();
    credentials.setSource("Secret");
    var secret = new io.illm.lab.platform.kinds.aws.providerconfigspec.credentials.SecretRef();
    secret.setNamespace(NAMESPACE);
    secret.setName("aws-credentials");
    secret.setKey("credentials");
    credentials.setSecretRef(secret);
    spec.setCredentials(credentials);
    config.setSpec(spec);
    return config;
  }

  private static HasMetadata azure() {
    var config = new io.illm.lab.platform.kinds.azure.ProviderConfig();
    config.setMetadata(new ObjectMetaBuilder().withName("default").build());
    var spec = new io.illm.lab.platform.kinds.azure.ProviderConfigSpec();
    var credentials = new io.illm.lab.platform.kinds.azure.providerconfigspec.Credentials();
    credentials.setSource("Secret");
    var secret = new io.illm.lab.platform.kinds.azure.providerconfigspec.credentials.SecretRef();
    secret.setNamespace(NAMESPACE);
    secret.setName("azure-credentials");
    secret.setKey("credentials.json");
    credentials.setSecretRef(secret);
    spec.setCredentials(credentials);
    config.setSpec(spec);
    return config;
  }
}
