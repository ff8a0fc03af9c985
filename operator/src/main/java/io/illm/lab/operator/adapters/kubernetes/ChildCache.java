package io.illm.lab.operator.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * What the Kubernetes adapters may read from informer caches instead of the API server (ADR-011):
 * an experiment's children of one kind, and whether a Component or WorkflowTemplate is known. Every
 * answer is "not cached" (empty, or false) while the informer has not synced or is not watching, so
 * the adapter reads afresh then; {@link #NONE} never answers from a cache.
 *
 * <p>Only answers that are safe when stale are taken from it: a child missing from the cache makes
 * the engine create it again, which the server refuses with 409 (deterministic names) and the
 * adapters take as success; a child shown present after its deletion only makes the engine wait for
 * the delete event; a Component or WorkflowTemplate that the cache does not know is looked up
 * afresh before the experiment is failed for lacking it.
 */
public interface ChildCache {

  /** Never answers from a cache: every read goes to the API server. */
  ChildCache NONE =
      new ChildCache() {
        @Override
        public <T extends HasMetadata> Optional<List<T>> children(
            Class<T> kind, String experiment) {
          return Optional.empty();
        }

        @Override
        public boolean knowsComponent(String name) {
          return false;
        }

        @Override
        public boolean knowsTemplate(String name) {
          return false;
        }
      };

  /**
   * The children of {@code kind} labelled for the experiment named {@code experiment}, as the
   * informer of that kind has them; empty when there is no such informer or it is not synced and
   * watching (read afresh then).
   */
  <T extends HasMetadata> Optional<List<T>> children(Class<T> kind, String experiment);

  /**
   * True when the catalogue's informer has the Component {@code name}; false means "ask the
   * server".
   */
  boolean knowsComponent(String name);

  /** True when the WorkflowTemplate informer has {@code name}; false means "ask the server". */
  boolean knowsTemplate(String name);
}
