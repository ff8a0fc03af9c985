package io.illm.lab.operator.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.illm.lab.operator.ports.PortException;
import java.util.function.Supplier;

/**
 * How the Kubernetes adapters talk to the API server: every failed call (the server did not answer,
 * refused, timed out) becomes a {@link PortException} that says what was being done, so the engine
 * records it as an observation error and looks again; a conflict on create means the object exists,
 * which the adapters treat as success.
 */
public final class KubernetesCalls {

  /** HTTP 409: an object of that name exists already. */
  public static final int CONFLICT = 409;

  private KubernetesCalls() {}

  /** The value of {@code call}; a client failure becomes a PortException naming {@code doing}. */
  public static <T> T call(String doing, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw new PortException(doing + ": " + reason(e), e);
    }
  }

  /** Runs {@code call}; a client failure becomes a PortException naming {@code doing}. */
  public static void run(String doing, Runnable call) {
    call(
        doing,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Creates with {@code create}, treating "already exists" as success: the object is left as it is.
   */
  public static void createUnlessExists(String doing, Runnable create) {
    try {
      create.run();
    } catch (KubernetesClientException e) {
      if (e.getCode() != CONFLICT) {
        throw new PortException(doing + ": " + reason(e), e);
      }
    }
  }

  private static String reason(KubernetesClientException e) {
    String status = e.getStatus() == null ? null : e.getStatus().getMessage();
    String message = status != null ? status : e.getMessage();
    return e.getCode() > 0 ? "HTTP " + e.getCode() + ", " + message : String.valueOf(message);
  }
}
