package io.illm.lab.hub;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * fabric8's CRUD dispatcher with its objects indexed by resource (plural) and by resource and name,
 * so that a request looks at the few objects it can concern instead of all of them (ADR-012).
 *
 * <p>The stock dispatcher answers every GET, DELETE, create, update and patch by testing each
 * stored object against the request: with 1,000 experiments (some 8,000 objects) that scan was
 * three quarters of the embedded hub's CPU and made its time grow with the square of the number of
 * experiments. Here the index only narrows the candidates; whether a candidate matches is still
 * decided by fabric8's own {@link AttributeSet#matches}, so label and field selectors mean what
 * they meant. What the index cannot narrow (a request without a resource in its path, an empty list
 * that is an API discovery request, a watch) goes to the stock code unchanged. An empty list of a
 * resource is answered here: sent to the stock code, it scanned every stored object again (at 1,000
 * experiments, every checkpoint lookup of an experiment without checkpoints did).
 *
 * <p>Differences from the stock dispatcher, all towards a real API server: lists come sorted by
 * namespace and name (the stock one returns them in insertion order); marking an object with
 * finalizers as deleted sets an RFC 3339 {@code deletionTimestamp} and a new {@code
 * resourceVersion} (the stock one writes a local date-time and keeps the version, so a client
 * comparing versions would take the change for one it already has); and a created object gets a
 * random uid (the stock one counts from {@code 00000000-0000-0000-0000-000000000001} in every
 * process, so objects of two embedded hubs shared uids, and every run folder named after one ended
 * in {@code -00000000}).
 *
 * <p>Every write takes this class's write lock around the stock handler (which takes its own inside
 * it), and reads take the read lock, so the index and fabric8's map change together.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  private static final String PLURAL = KubernetesAttributesExtractor.PLURAL;
  private static final String NAME = KubernetesAttributesExtractor.NAME;
  private static final String NAMESPACE = KubernetesAttributesExtractor.NAMESPACE;
  private static final Comparator<Map.Entry<AttributeSet, String>> BY_NAMESPACE_AND_NAME =
      Comparator.<Map.Entry<AttributeSet, String>, String>comparing(
              e -> single(e.getKey(), NAMESPACE, ""))
          .thenComparing(e -> single(e.getKey(), NAME, ""));

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Keys of stored objects by plural. */
  private final Map<String, Set<AttributeSet>> byPlural = new HashMap<>();

  /** Keys of stored objects by plural and name ({@code plural/name}). */
  private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

  /**
   * Keys of stored objects that have no plural (fabric8 leaves it out for unknown kinds):
   * candidates always.
   */
  private final Set<AttributeSet> unindexed = new HashSet<>();

  /**
   * The newest resourceVersion handed out, for list responses (fabric8 keeps its counter private).
   */
  private final AtomicLong latestVersion = new AtomicLong();

  /** The create being handled on this thread, if any. */
  private final ThreadLocal<Creation> creating = new ThreadLocal<>();

  /** A create under way: the object as stored, once {@link #processEvent} has stored it. */
  private static final class Creation {
    private String stored;
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    return locked(
        true,
        () -> {
          Creation creation = new Creation();
          creating.set(creation);
          try {
            MockResponse response = super.handleCreate(request);
            // fabric8 answers with the object as it serialized it, before processEvent gave it its
            // uid
            return creation.stored == null || response.code() != HttpURLConnection.HTTP_CREATED
                ? response
                : response.setBody(creation.stored);
          } finally {
            creating.remove();
          }
        });
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    return locked(true, () -> super.handleUpdate(request));
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    return locked(true, () -> super.handlePatch(request));
  }

  @Override
  public MockResponse handleGet(String path) {
    return locked(
        false,
        () -> {
          if (isWatch(path)) {
            return super.handleGet(path);
          }
          AttributeSet query = getKey(path);
          List<Map.Entry<AttributeSet, String>> found = matching(query);
          if (found == null) {
            return super.handleGet(path);
          }
          if (query.containsKey(NAME)) {
            return found.isEmpty()
                ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                : new MockResponse()
                    .setResponseCode(HttpURLConnection.HTTP_OK)
                    .setBody(found.get(0).getValue());
          }
          if (found.isEmpty() && !isResourcePath(path)) {
            // an API discovery request (/apis/GROUP/VERSION), which fabric8 answers from its CRDs
            return super.handleGet(path);
          }
          return list(found);
        });
  }

  @Override
  public MockResponse handleDelete(String path) {
    return locked(
        true,
        () -> {
          AttributeSet query = getKey(path);
          List<Map.Entry<AttributeSet, String>> found = matching(query);
          if (found == null) {
            return super.handleDelete(path);
          }
          for (Map.Entry<AttributeSet, String> entry : found) {
            delete(path, query, entry);
          }
          if (query.containsKey(NAME)) {
            return found.isEmpty()
                ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                : new MockResponse()
                    .setResponseCode(HttpURLConnection.HTTP_OK)
                    .setBody(found.get(0).getValue());
          }
          return list(found);
        });
  }

  /**
   * Removes the object, or only marks it deleted while it has finalizers (as the API server does).
   */
  private void delete(String path, AttributeSet query, Map.Entry<AttributeSet, String> entry) {
    GenericKubernetesResource resource =
        Serialization.unmarshal(entry.getValue(), GenericKubernetesResource.class);
    if (resource.getFinalizers().isEmpty()) {
      processEvent(path, query, entry.getKey(), null, null);
    } else if (!resource.isMarkedForDeletion()) {
      resource
          .getMetadata()
          .setDeletionTimestamp(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      resource.getMetadata().setResourceVersion(Long.toString(requestResourceVersion()));
      processEvent(path, query, entry.getKey(), resource, Serialization.asJson(resource));
    }
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    Collection<AttributeSet> candidates = candidates(attributes);
    if (candidates == null) {
      return super.findResource(attributes);
    }
    for (AttributeSet key : candidates) {
      if (key.matches(attributes)) {
        String value = map.get(key);
        return value == null ? null : Map.entry(key, value);
      }
    }
    return null;
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    Creation creation = creating.get();
    if (creation != null && creation.stored == null && oldAttributes == null && resource != null) {
      // a new object: a random uid, as a real API server gives it
      resource.getMetadata().setUid(UUID.randomUUID().toString());
      newState = Serialization.asJson(resource);
      creation.stored = newState;
    }
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (oldAttributes != null) {
      unindex(oldAttributes);
    }
    if (newState != null) {
      // the key fabric8 just stored, worked out the way it works it out
      KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
      AttributeSet key =
          resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
      if (!key.containsKey(PLURAL)) {
        key = AttributeSet.merge(pathAttributes, key);
      }
      index(key);
    }
  }

  @Override
  public long requestResourceVersion() {
    long version = super.requestResourceVersion();
    latestVersion.accumulateAndGet(version, Math::max);
    return version;
  }

  @Override
  public void reset() {
    locked(
        true,
        () -> {
          super.reset();
          byPlural.clear();
          byName.clear();
          unindexed.clear();
          return null;
        });
  }

  /** Whether the index holds exactly the keys of fabric8's map (for tests). */
  boolean indexConsistent() {
    return locked(
        false,
        () -> {
          Set<AttributeSet> indexed = new HashSet<>(unindexed);
          byPlural.values().forEach(indexed::addAll);
          Set<AttributeSet> named = new HashSet<>();
          byName.values().forEach(named::addAll);
          Set<AttributeSet> expectedNamed = new HashSet<>();
          for (AttributeSet key : map.keySet()) {
            if (single(key, PLURAL, null) != null && single(key, NAME, null) != null) {
              expectedNamed.add(key);
            }
          }
          return indexed.equals(map.keySet()) && named.equals(expectedNamed);
        });
  }

  private void index(AttributeSet key) {
    String plural = single(key, PLURAL, null);
    if (plural == null) {
      unindexed.add(key);
      return;
    }
    byPlural.computeIfAbsent(plural, p -> new HashSet<>()).add(key);
    String name = single(key, NAME, null);
    if (name != null) {
      byName.computeIfAbsent(plural + "/" + name, p -> new HashSet<>()).add(key);
    }
  }

  private void unindex(AttributeSet key) {
    if (map.containsKey(key)) {
      return; // stored again under the same key
    }
    String plural = single(key, PLURAL, null);
    if (plural == null) {
      unindexed.remove(key);
      return;
    }
    removeFrom(byPlural, plural, key);
    String name = single(key, NAME, null);
    if (name != null) {
      removeFrom(byName, plural + "/" + name, key);
    }
  }

  private static void removeFrom(
      Map<String, Set<AttributeSet>> index, String bucket, AttributeSet key) {
    Set<AttributeSet> keys = index.get(bucket);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      index.remove(bucket);
    }
  }

  /**
   * The keys that may match {@code query}, or null when the index cannot narrow it (no single
   * plural in the query).
   */
  private Collection<AttributeSet> candidates(AttributeSet query) {
    String plural = equalTo(query, PLURAL);
    if (plural == null) {
      return null;
    }
    String name = equalTo(query, NAME);
    if (name == null) {
      name = equalTo(query, KubernetesAttributesExtractor.METADATA_NAME);
    }
    Set<AttributeSet> bucket =
        name == null ? byPlural.get(plural) : byName.get(plural + "/" + name);
    if (unindexed.isEmpty()) {
      return bucket == null ? List.of() : bucket;
    }
    List<AttributeSet> all = new ArrayList<>(unindexed);
    if (bucket != null) {
      all.addAll(bucket);
    }
    return all;
  }

  /**
   * The stored objects matching {@code query}, by namespace and name; null when the index cannot
   * narrow it.
   */
  private List<Map.Entry<AttributeSet, String>> matching(AttributeSet query) {
    Collection<AttributeSet> candidates = candidates(query);
    if (candidates == null) {
      return null;
    }
    List<Map.Entry<AttributeSet, String>> found = new ArrayList<>();
    for (AttributeSet key : candidates) {
      String value = map.get(key);
      if (value != null && key.matches(query)) {
        found.add(Map.entry(key, value));
      }
    }
    found.sort(BY_NAMESPACE_AND_NAME);
    return found;
  }

  private MockResponse list(List<Map.Entry<AttributeSet, String>> found) {
    List<String> items = new ArrayList<>(found.size());
    found.forEach(e -> items.add(e.getValue()));
    String body =
        ((KubernetesResponseComposer) responseComposer)
            .compose(items, Long.toString(latestVersion.get()));
    return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(body);
  }

  private <T> T locked(boolean write, Supplier<T> action) {
    var held = write ? lock.writeLock() : lock.readLock();
    held.lock();
    try {
      return action.get();
    } finally {
      held.unlock();
    }
  }

  /**
   * Whether the path names a resource ({@code /api/VERSION/[namespaces/NS/]PLURAL...} or {@code
   * /apis/GROUP/VERSION/...}) rather than an API group or version to discover.
   */
  static boolean isResourcePath(String path) {
    int query = path.indexOf('?');
    String[] segments = (query < 0 ? path : path.substring(0, query)).split("/");
    int prefix = segments.length > 1 && segments[1].equals("apis") ? 4 : 3;
    return segments.length > prefix && !segments[prefix].isEmpty();
  }

  private static boolean isWatch(String path) {
    int query = path.indexOf('?');
    return query >= 0 && path.indexOf("watch=true", query) >= 0;
  }

  /** The value of {@code key} when the set requires exactly that one value, else null. */
  private static String equalTo(AttributeSet set, String key) {
    Attribute attribute = set.getAttribute(key);
    if (attribute == null
        || attribute.getType() != AttributeType.WITH
        || attribute.getValues().size() != 1) {
      return null;
    }
    return attribute.getValues().get(0).toString();
  }

  private static String single(AttributeSet set, String key, String otherwise) {
    String value = equalTo(set, key);
    return value == null ? otherwise : value;
  }
}
