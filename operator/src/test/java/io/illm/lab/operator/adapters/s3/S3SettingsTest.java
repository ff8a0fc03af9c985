package io.illm.lab.operator.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.validate.InvalidInputException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  @Test
  void theEnvironmentGivesBucketPrefixEndpointAndCredentials() {
    S3Settings s =
        S3Settings.from(
                Map.of(
                    S3Settings.URL, "s3://experiment-results/lab/",
                    S3Settings.ENDPOINT, "http://seaweedfs-s3.seaweedfs.svc:8333",
                    S3Settings.ACCESS_KEY_ID, "argo",
                    S3Settings.SECRET_ACCESS_KEY, "very-secret"))
            .orElseThrow();
    assertEquals("experiment-results", s.bucket());
    assertEquals("lab", s.prefix());
    assertEquals(URI.create("http://seaweedfs-s3.seaweedfs.svc:8333"), s.endpoint());
    assertEquals("us-east-1", s.region());
    assertTrue(s.pathStyle(), "an endpoint means SeaweedFS or MinIO: path style by default");
    assertEquals("s3://experiment-results/lab/", s.url());
    assertEquals("lab/experiments/x/", s.key("experiments/x/"));
    assertFalse(s.toString().contains("very-secret"), s.toString());
  }

  @Test
  void withoutAnEndpointItIsAwsInVirtualHostStyle() {
    S3Settings s =
        S3Settings.from(Map.of(S3Settings.URL, "s3://b", S3Settings.REGION, "eu-west-1"))
            .orElseThrow();
    assertEquals("", s.prefix());
    assertEquals("s3://b/", s.url());
    assertEquals("experiments/", s.key("experiments/"));
    assertFalse(s.pathStyle());
    assertEquals("eu-west-1", s.region());
  }

  @Test
  void noUrlIsNoS3Store() {
    assertEquals(Optional.empty(), S3Settings.from(Map.of("HOME", "/root")));
  }

  @Test
  void everyMalformedVariableIsReportedAtOnceWithItsFix() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                S3Settings.from(
                    Map.of(
                        S3Settings.URL, "https://bucket/x",
                        S3Settings.ENDPOINT, "seaweedfs:8333",
                        S3Settings.PATH_STYLE, "yes",
                        S3Settings.ACCESS_KEY_ID, "argo")));
    assertEquals(4, e.problems().size(), e.getMessage());
    assertEquals(
        "environment: ILLM_RESULTS_S3: \"https://bucket/x\" is not an s3://BUCKET[/PREFIX] URL"
            + " (e.g. s3://experiment-results/lab)",
        e.problems().get(0).toString());
    assertTrue(
        e.getMessage()
            .contains(
                "ILLM_RESULTS_S3_ENDPOINT: \"seaweedfs:8333\" is not an http(s)://HOST[:PORT] URL"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("ILLM_RESULTS_S3_SECRET_ACCESS_KEY: missing"), e.getMessage());
    assertTrue(
        e.getMessage().contains("ILLM_RESULTS_S3_PATH_STYLE: \"yes\" is not true or false"),
        e.getMessage());
  }

  @Test
  void anEndpointWithoutUrlIsAMistake() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> S3Settings.from(Map.of(S3Settings.ENDPOINT, "http://s3:8333")));
    assertTrue(
        e.getMessage().contains("ILLM_RESULTS_S3_ENDPOINT: is set but ILLM_RESULTS_S3 is not"),
        e.getMessage());
  }
}
