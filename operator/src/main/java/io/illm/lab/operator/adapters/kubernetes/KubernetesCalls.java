package io.illm.lab.operator.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
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

  /** HTTP 404: no such object (or namespace). */
  public static final int NOT_FOUND = 404;

  /** HTTP 415: the server does not take server-side apply (fabric8's mock API server). */
  public static final int UNSUPPORTED_MEDIA_TYPE = 415;

  /** The lab's field manager: who owns the fields the operator applies. */
  public static final String FIELD_MANAGER = "illm-lab-operator";

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

  /**
   * Server-side applies {@code object} as {@link #FIELD_MANAGER}, forcing conflicts: the operator
   * is the authority on what it applies, so a field another manager changed is taken back (the
   * controller convention). A server without server-side apply (fabric8's mock answers 404 for a
   * new object, 415 for an existing one) gets a create, or an update of the object there; on a real
   * server a 404 means a missing namespace, which the create then reports. Any other failure is a
   * PortException naming {@code doing}.
   */
  public static void apply(String doing, KubernetesClient client, HasMetadata object) {
    try {
      client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() != UNSUPPORTED_MEDIA_TYPE && e.getCode() != NOT_FOUND) {
        throw new PortException(doing + ": " + reason(e), e);
      }
      run(doing, () -> client.resource(object).createOr(NonDeletingOperation::update));
    }
  }

  private static String reason(KubernetesClientException e) {
    String status = e.getStatus() == null ? null : e.getStatus().getMessage();
    String message = status != null ? status : e.getMessage();
    return e.getCode() > 0 ? "HTTP " + e.getCode() + ", " + message : String.valueOf(message);
  }
}
