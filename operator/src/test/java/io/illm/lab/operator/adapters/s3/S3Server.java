package io.illm.lab.operator.adapters.s3;

import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 protocol server in the test's process (s3proxy over an in-memory blob store), on an
 * ephemeral loopback port. It can be stopped and started again on the same port with the same
 * objects: an outage of the store.
 */
public final class S3Server implements AutoCloseable {

  public static final String BUCKET = "experiment-results";
  public static final String KEY_ID = "lab-access";
  public static final String KEY = "lab-secret";

  private final BlobStore blobs = new TransientNio2BlobStore();
  private S3Proxy proxy;
  private int port;

  public S3Server() throws Exception {
    blobs.createContainer(BUCKET);
    start(0);
  }

  /** The settings of a store at {@code s3://experiment-results/<prefix>} on this server. */
  public S3Settings settings(String prefix) {
    return S3Settings.from(
            Map.of(
                S3Settings.URL,
                "s3://" + BUCKET + "/" + prefix,
                S3Settings.ENDPOINT,
                "http://127.0.0.1:" + port,
                S3Settings.ACCESS_KEY_ID,
                KEY_ID,
                S3Settings.SECRET_ACCESS_KEY,
                KEY))
        .orElseThrow();
  }

  public BlobStore blobs() {
    return blobs;
  }

  /** The store is down: connections are refused. */
  public synchronized void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
  }

  /** The store is back on its port, with its objects. */
  public synchronized void restart() throws Exception {
    if (proxy == null) {
      start(port);
    }
  }

  private void start(int requested) throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(blobs)
            .endpoint(URI.create("http://127.0.0.1:" + requested))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, KEY)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    port = proxy.getPort();
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
