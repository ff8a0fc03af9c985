package io.illm.lab.operator.adapters.s3;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.ResultsStoreException;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.operator.results.StoredResults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs in an S3 bucket (AWS, SeaweedFS, MinIO) under a prefix. Every object is written with content
 * type application/json; the raw files first, summary.json last. The SDK's own retries are off:
 * {@link StoredResults} retries whole runs with its backoff and deadline, so that a store that
 * stays down is noticed in bounded time; failures come out as {@link ResultsStoreException}s that
 * say whether retrying may help.
 */
public final class S3ResultsStore implements ResultsStore, AutoCloseable {

  private static final String JSON = "application/json";

  private final S3Client client;
  private final S3Settings settings;

  /**
   * A store over {@code client}, which must reach {@code settings}' endpoint (see {@link
   * #clientBuilder}).
   */
  public S3ResultsStore(S3Client client, S3Settings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** A store with a client made from the settings. */
  public static S3ResultsStore open(S3Settings settings) {
    return new S3ResultsStore(clientBuilder(settings).build(), settings);
  }

  /**
   * A client builder for the settings: endpoint, region, path style, credentials, no SDK retries.
   */
  public static S3ClientBuilder clientBuilder(S3Settings settings) {
    return clientBuilder(settings, c -> {});
  }

  /**
   * {@link #clientBuilder(S3Settings)} with more client configuration (e.g. interceptors in tests).
   */
  public static S3ClientBuilder clientBuilder(
      S3Settings settings, Consumer<ClientOverrideConfiguration.Builder> more) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(credentials(settings))
            // S3-compatible servers (older SeaweedFS, MinIO) do not all accept the newer default
            // checksums
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                c ->
                    c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofSeconds(20))
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .applyMutation(more));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder;
  }

  /**
   * The settings with the credentials of their Secret ({@link S3Settings#credentialsSecret}), read
   * from the hub; the settings themselves when they name no Secret.
   *
   * @param namespace the namespace of a Secret named without one (the operator's)
   * @throws IllegalArgumentException naming the Secret, the missing key and the fix
   */
  public static S3Settings withSecretCredentials(
      S3Settings settings, KubernetesClient hub, String namespace) {
    String reference = settings.credentialsSecret();
    if (reference == null) {
      return settings;
    }
    int slash = reference.indexOf('/');
    String ns = slash < 0 ? namespace : reference.substring(0, slash);
    String name = reference.substring(slash + 1);
    Secret secret;
    try {
      secret = hub.secrets().inNamespace(ns).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException(
          "Secret "
              + ns
              + "/"
              + name
              + ": cannot be read: "
              + e.getMessage()
              + " (the operator needs get on secrets in "
              + ns
              + ")",
          e);
    }
    if (secret == null) {
      throw new IllegalArgumentException(
          "Secret "
              + ns
              + "/"
              + name
              + ": not found (create it with keys "
              + S3Settings.SECRET_KEY_ID
              + " and "
              + S3Settings.SECRET_KEY
              + ", or fix "
              + S3Settings.CREDENTIALS_SECRET
              + ")");
    }
    List<String> missing = new ArrayList<>();
    String keyId = secretValue(secret, S3Settings.SECRET_KEY_ID, missing);
    String key = secretValue(secret, S3Settings.SECRET_KEY, missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Secret "
              + ns
              + "/"
              + name
              + ": data."
              + String.join(", data.", missing)
              + ": missing (add the key to the Secret)");
    }
    return settings.withCredentials(keyId, key);
  }

  @Override
  public String location(RunKey key) {
    return settings.url() + key.folder();
  }

  @Override
  public void put(RunFiles run) {
    for (Map.Entry<String, byte[]> raw : run.raw().entrySet()) {
      write(run.key().rawKey(raw.getKey()), raw.getValue());
    }
    write(run.key().summaryKey(), run.summary());
  }

  @Override
  public List<RunKey> runs(String experiment) {
    String folder = settings.key(RunKey.experimentFolder(experiment));
    TreeSet<RunKey> runs = new TreeSet<>();
    for (S3Object object :
        call(
            "list " + settings.url() + RunKey.experimentFolder(experiment),
            () ->
                client
                    .listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(folder))
                    .contents()
                    .stream()
                    .toList())) {
      String rest = object.key().substring(folder.length());
      int slash = rest.indexOf('/');
      if (slash > 0
          && rest.substring(slash).equals("/summary.json")
          && RunKey.isName(rest.substring(0, slash))) {
        runs.add(new RunKey(experiment, rest.substring(0, slash)));
      }
    }
    return List.copyOf(runs);
  }

  @Override
  public List<String> experiments() {
    String folder = settings.key("experiments/");
    return call(
        "list " + settings.url() + "experiments/",
        () ->
            client
                .listObjectsV2Paginator(
                    r -> r.bucket(settings.bucket()).prefix(folder).delimiter("/"))
                .commonPrefixes()
                .stream()
                .map(CommonPrefix::prefix)
                .map(p -> p.substring(folder.length(), p.length() - 1))
                .filter(RunKey::isName)
                .sorted()
                .toList());
  }

  @Override
  public Optional<byte[]> summary(RunKey key) {
    String object = settings.key(key.summaryKey());
    try {
      return call(
          "get " + settings.url() + key.summaryKey(),
          () ->
              Optional.of(
                  client
                      .getObjectAsBytes(r -> r.bucket(settings.bucket()).key(object))
                      .asByteArray()));
    } catch (ResultsStoreException e) {
      if (e.getCause() instanceof NoSuchKeyException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private void write(String relative, byte[] bytes) {
    String key = settings.key(relative);
    call(
        "put " + settings.url() + relative,
        () ->
            client.putObject(
                r ->
                    r.bucket(settings.bucket())
                        .key(key)
                        .contentType(JSON)
                        .contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes)));
  }

  private <T> T call(String doing, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      int status = e.statusCode();
      boolean retryable =
          status >= 500 || status == 429 || status == 408 || e.isThrottlingException();
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new ResultsStoreException(
          doing + ": HTTP " + status + (code == null ? "" : " " + code) + hint(status, code),
          retryable,
          e);
    } catch (SdkClientException e) {
      throw new ResultsStoreException(
          doing
              + ": "
              + firstLine(e.getMessage())
              + " (is "
              + (settings.endpoint() == null ? "S3" : settings.endpoint())
              + " reachable?)",
          true,
          e);
    } catch (SdkException e) {
      throw new ResultsStoreException(doing + ": " + firstLine(e.getMessage()), false, e);
    }
  }

  private String hint(int status, String code) {
    if ("NoSuchBucket".equals(code)) {
      return " (create the bucket " + settings.bucket() + ", or fix " + S3Settings.URL + ")";
    }
    if (status == 403
        || "InvalidAccessKeyId".equals(code)
        || "SignatureDoesNotMatch".equals(code)) {
      return " (check the credentials and that they may write to " + settings.url() + ")";
    }
    return "";
  }

  private static String firstLine(String message) {
    return message == null ? "failed" : message.lines().findFirst().orElse(message);
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    if (settings.accessKeyId() != null) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static String secretValue(Secret secret, String key, List<String> missing) {
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return new String(
              Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8)
          .trim();
    }
    if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
      return secret.getStringData().get(key).trim();
    }
    missing.add(key);
    return null;
  }
}
