package io.illm.lab.operator.adapters.s3;

import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the S3 results store is and how to reach it, read from the environment (the operator) or
 * from flags mapped onto the same names ({@code ./lab results --s3}).
 *
 * @param bucket the bucket ({@code ILLM_RESULTS_S3=s3://bucket/prefix})
 * @param prefix the key prefix, without leading or trailing slash; empty for none
 * @param endpoint the S3 API ({@code ILLM_RESULTS_S3_ENDPOINT}, e.g. {@code
 *     http://seaweedfs-s3.seaweedfs:8333}); null for AWS itself
 * @param region the signing region ({@code ILLM_RESULTS_S3_REGION}, default us-east-1)
 * @param pathStyle bucket in the path, not the host name ({@code ILLM_RESULTS_S3_PATH_STYLE};
 *     default true with an endpoint, as SeaweedFS and MinIO need)
 * @param accessKeyId static credentials ({@code ILLM_RESULTS_S3_ACCESS_KEY_ID}); null: the AWS
 *     default chain (AWS_ACCESS_KEY_ID, profiles, IRSA) or {@code credentialsSecret}
 * @param secretAccessKey goes with accessKeyId ({@code ILLM_RESULTS_S3_SECRET_ACCESS_KEY})
 * @param credentialsSecret a Secret {@code [namespace/]name} with keys {@code accessKeyId} and
 *     {@code secretAccessKey} ({@code ILLM_RESULTS_S3_CREDENTIALS_SECRET}); read by the operator at
 *     start
 */
public record S3Settings(
    String bucket,
    String prefix,
    URI endpoint,
    String region,
    boolean pathStyle,
    String accessKeyId,
    String secretAccessKey,
    String credentialsSecret) {

  public static final String URL = "ILLM_RESULTS_S3";
  public static final String ENDPOINT = "ILLM_RESULTS_S3_ENDPOINT";
  public static final String REGION = "ILLM_RESULTS_S3_REGION";
  public static final String PATH_STYLE = "ILLM_RESULTS_S3_PATH_STYLE";
  public static final String ACCESS_KEY_ID = "ILLM_RESULTS_S3_ACCESS_KEY_ID";
  public static final String SECRET_ACCESS_KEY = "ILLM_RESULTS_S3_SECRET_ACCESS_KEY";
  public static final String CREDENTIALS_SECRET = "ILLM_RESULTS_S3_CREDENTIALS_SECRET";
  public static final String DEFAULT_REGION = "us-east-1";

  /** The keys of the credentials Secret. */
  public static final String SECRET_KEY_ID = "accessKeyId";

  public static final String SECRET_KEY = "secretAccessKey";

  private static final String SOURCE = "environment";

  public S3Settings {
    prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
  }

  /**
   * The settings in {@code env}; empty when {@value #URL} is unset (no S3 store).
   *
   * @throws InvalidInputException listing every malformed variable, each with its fix
   */
  public static Optional<S3Settings> from(Map<String, String> env) {
    String url = value(env, URL);
    List<Problem> problems = new ArrayList<>();
    if (url == null) {
      for (String other : List.of(ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY, CREDENTIALS_SECRET)) {
        if (value(env, other) != null) {
          problems.add(
              Problem.error(
                  SOURCE,
                  other,
                  "is set but " + URL + " is not",
                  "set " + URL + "=s3://BUCKET/PREFIX, or unset " + other));
        }
      }
      throwIfAny(problems);
      return Optional.empty();
    }
    String bucket = null;
    String prefix = "";
    if (!url.startsWith("s3://") || url.length() == "s3://".length() || url.charAt(5) == '/') {
      problems.add(
          Problem.error(
              SOURCE,
              URL,
              "\"" + url + "\" is not an s3://BUCKET[/PREFIX] URL",
              "e.g. s3://experiment-results/lab"));
    } else {
      String rest = url.substring("s3://".length());
      int slash = rest.indexOf('/');
      bucket = slash < 0 ? rest : rest.substring(0, slash);
      prefix = slash < 0 ? "" : rest.substring(slash + 1);
    }
    URI endpoint = endpoint(value(env, ENDPOINT), problems);
    boolean pathStyle = flag(env, PATH_STYLE, endpoint != null, problems);
    String keyId = value(env, ACCESS_KEY_ID);
    String key = value(env, SECRET_ACCESS_KEY);
    if ((keyId == null) != (key == null)) {
      String missing = keyId == null ? ACCESS_KEY_ID : SECRET_ACCESS_KEY;
      problems.add(
          Problem.error(
              SOURCE,
              missing,
              "missing: the access key id and secret go together",
              "set both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ", or neither"));
    }
    String secret = value(env, CREDENTIALS_SECRET);
    if (secret != null && keyId != null) {
      problems.add(
          Problem.error(
              SOURCE,
              CREDENTIALS_SECRET,
              "credentials are given twice",
              "use either the Secret or " + ACCESS_KEY_ID + "/" + SECRET_ACCESS_KEY));
    }
    if (secret != null && !secret.matches("([a-z0-9-]+/)?[a-z0-9.-]+")) {
      problems.add(
          Problem.error(
              SOURCE,
              CREDENTIALS_SECRET,
              "\"" + secret + "\" is not [namespace/]name",
              "e.g. illm-lab/results-s3"));
    }
    throwIfAny(problems);
    return Optional.of(
        new S3Settings(
            bucket, prefix, endpoint, value(env, REGION), pathStyle, keyId, key, secret));
  }

  /** The same settings with static credentials (read from the credentials Secret). */
  public S3Settings withCredentials(String keyId, String key) {
    return new S3Settings(
        bucket, prefix, endpoint, region, pathStyle, keyId, key, credentialsSecret);
  }

  /** {@code s3://bucket/prefix/}: the root of the store. */
  public String url() {
    return "s3://" + bucket + "/" + (prefix.isEmpty() ? "" : prefix + "/");
  }

  /** The object key of {@code relative}: the prefix, then the key. */
  public String key(String relative) {
    return prefix.isEmpty() ? relative : prefix + "/" + relative;
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "S3Settings["
        + url()
        + ", endpoint "
        + (endpoint == null ? "AWS" : endpoint)
        + ", region "
        + region
        + (pathStyle ? ", path-style" : "")
        + ", credentials "
        + (accessKeyId != null
            ? "static (" + accessKeyId + ")"
            : credentialsSecret != null ? "Secret " + credentialsSecret : "default chain")
        + "]";
  }

  private static URI endpoint(String text, List<Problem> problems) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        Problem.error(
            SOURCE,
            ENDPOINT,
            "\"" + text + "\" is not an http(s)://HOST[:PORT] URL",
            "e.g. http://seaweedfs-s3.seaweedfs.svc:8333"));
    return null;
  }

  private static boolean flag(
      Map<String, String> env, String name, boolean fallback, List<Problem> problems) {
    String text = value(env, name);
    if (text == null) {
      return fallback;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    problems.add(
        Problem.error(
            SOURCE, name, "\"" + text + "\" is not true or false", "unset it for the default"));
    return fallback;
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the S3 results store settings", problems);
    }
  }
}
