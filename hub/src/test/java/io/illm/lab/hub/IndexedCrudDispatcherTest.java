package io.illm.lab.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.ResourceNotFoundException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexed dispatcher answers like fabric8's stock one: the same random sequences of creates,
 * gets, lists with label and field selectors, edits, replaces, status patches, finalizers and
 * deletes go to a mock API server with each, and every answer must be the same (lists compared as
 * sets: the indexed one sorts them; deletion compared as marked or not: it writes a real
 * timestamp), with the index holding exactly the stored keys after every step.
 */
class IndexedCrudDispatcherTest {

  private static final long SEED = Long.getLong("hub.seed", 20261127L);
  private static final int EXAMPLES = Integer.getInteger("hub.examples", 30);
  private static final ResourceDefinitionContext WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withPlural("workflows")
          .withKind("Workflow")
          .withNamespaced(true)
          .build();
  private static final List<String> NAMES = List.of("a", "b");
  private static final List<String> SELECTORS =
      List.of("", "tier=1", "tier=2", "tier!=1", "tier", "!tier");

  private static KubernetesMockServer stockServer;
  private static KubernetesMockServer indexedServer;
  private static KubernetesClient stock;
  private static KubernetesClient indexed;
  private static IndexedCrudDispatcher dispatcher;
  private static final AtomicInteger EXAMPLE = new AtomicInteger();

  @BeforeAll
  static void startServers() throws Exception {
    stockServer =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    dispatcher = new IndexedCrudDispatcher();
    indexedServer =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    stockServer.init(InetAddress.getLoopbackAddress(), 0);
    indexedServer.init(InetAddress.getLoopbackAddress(), 0);
    stock = stockServer.createClient();
    indexed = indexedServer.createClient();
    for (KubernetesClient client : List.of(stock, indexed)) {
      try (InputStream crd =
          IndexedCrudDispatcher.class.getResourceAsStream(
              "/META-INF/illm-lab/child-crds/workflows.argoproj.io.yaml")) {
        assertNotNull(crd, "the Workflow CRD subset is on the classpath");
        client.apiextensions().v1().customResourceDefinitions().load(crd).create();
      }
    }
  }

  @AfterAll
  static void stopServers() {
    stock.close();
    indexed.close();
    stockServer.destroy();
    indexedServer.destroy();
  }

  @Test
  void answersEveryRequestAsTheStockDispatcherDoes() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              String example = "e" + EXAMPLE.incrementAndGet();
              Random random = new Random(seed);
              List<String> steps = new ArrayList<>();
              for (int i = 0; i < 40; i++) {
                Step step = step(random, example);
                steps.add(step.description);
                String expected = step.apply(stock);
                String actual = step.apply(indexed);
                assertEquals(
                    expected, actual, "seed " + seed + ", after " + String.join("; ", steps));
                assertTrue(
                    dispatcher.indexConsistent(),
                    "the index drifted from the store after " + steps);
              }
            });
  }

  @Test
  void listsComeSortedByNamespaceAndName() {
    for (String name : List.of("zeta", "alpha", "mid")) {
      indexed
          .configMaps()
          .inNamespace("sorted")
          .resource(configMap("sorted", name, "1", "x"))
          .create();
    }
    indexed
        .configMaps()
        .inNamespace("sorted")
        .withName("alpha")
        .edit(
            c -> {
              c.getData()
                  .put("v", "changed"); // an update moves it last in the stock dispatcher's map
              return c;
            });
    List<String> names =
        indexed.configMaps().inNamespace("sorted").list().getItems().stream()
            .map(c -> c.getMetadata().getName())
            .toList();
    assertEquals(List.of("alpha", "mid", "zeta"), names);
  }

  @Test
  void anEmptyListIsAnsweredFromTheIndexAndDiscoveryStillFromTheCrds() {
    assertTrue(IndexedCrudDispatcher.isResourcePath("/api/v1/namespaces/none/configmaps?limit=5"));
    assertTrue(IndexedCrudDispatcher.isResourcePath("/apis/argoproj.io/v1alpha1/workflows"));
    assertTrue(IndexedCrudDispatcher.isResourcePath("/api/v1/namespaces"));
    assertFalse(IndexedCrudDispatcher.isResourcePath("/api/v1"));
    assertFalse(IndexedCrudDispatcher.isResourcePath("/apis/argoproj.io/v1alpha1"));
    assertFalse(IndexedCrudDispatcher.isResourcePath("/apis/argoproj.io/v1alpha1/?x=1"));

    assertEquals(List.of(), indexed.configMaps().inNamespace("none").list().getItems());
    assertEquals(
        stock.getApiResources("argoproj.io/v1alpha1").getResources().stream()
            .map(r -> r.getKind())
            .toList(),
        indexed.getApiResources("argoproj.io/v1alpha1").getResources().stream()
            .map(r -> r.getKind())
            .toList());
    assertEquals(
        "Workflow",
        indexed.getApiResources("argoproj.io/v1alpha1").getResources().get(0).getKind());
  }

  @Test
  void markingDeletedSetsATimestampAndANewResourceVersion() {
    ConfigMap held = configMap("held", "f", "1", "x");
    held.getMetadata().setFinalizers(List.of("illm.io/test"));
    ConfigMap created = indexed.configMaps().inNamespace("held").resource(held).create();
    indexed.configMaps().inNamespace("held").withName("f").delete();
    ConfigMap marked = indexed.configMaps().inNamespace("held").withName("f").get();
    assertNotNull(marked.getMetadata().getDeletionTimestamp());
    assertTrue(
        marked.getMetadata().getDeletionTimestamp().endsWith("Z"),
        marked.getMetadata().getDeletionTimestamp());
    assertTrue(
        Long.parseLong(marked.getMetadata().getResourceVersion())
            > Long.parseLong(created.getMetadata().getResourceVersion()));
  }

  @Test
  void aCreatedObjectGetsARandomUidTheSameInItsAnswerAGetAListAndAWatch() throws Exception {
    BlockingQueue<String> watched = new LinkedBlockingQueue<>();
    try (Watch watch =
        indexed
            .configMaps()
            .inNamespace("uids")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    watched.add(action + " " + resource.getMetadata().getUid());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      ConfigMap asked = configMap("uids", "first", "1", "x");
      asked
          .getMetadata()
          .setUid("00000000-0000-0000-0000-000000000001"); // a client's uid is not kept
      String first =
          indexed.configMaps().inNamespace("uids").resource(asked).create().getMetadata().getUid();
      String second =
          indexed
              .configMaps()
              .inNamespace("uids")
              .resource(configMap("uids", "second", "1", "x"))
              .create()
              .getMetadata()
              .getUid();

      assertEquals(4, UUID.fromString(first).version(), first);
      assertEquals(4, UUID.fromString(second).version(), second);
      assertNotEquals(first, second);
      assertEquals(
          first,
          indexed.configMaps().inNamespace("uids").withName("first").get().getMetadata().getUid());
      assertEquals(
          List.of(first, second),
          indexed.configMaps().inNamespace("uids").list().getItems().stream()
              .map(c -> c.getMetadata().getUid())
              .toList());
      assertEquals("ADDED " + first, watched.poll(10, TimeUnit.SECONDS));
      assertEquals("ADDED " + second, watched.poll(10, TimeUnit.SECONDS));
      ConfigMap edited =
          indexed
              .configMaps()
              .inNamespace("uids")
              .withName("first")
              .edit(
                  c -> {
                    c.getData().put("v", "1");
                    return c;
                  });
      assertEquals(first, edited.getMetadata().getUid(), "an update keeps the uid");
    }
  }

  /** One request, applied the same way to either server; its answer as comparable text. */
  private record Step(String description, Function<KubernetesClient, String> request) {
    String apply(KubernetesClient client) {
      try {
        return request.apply(client);
      } catch (KubernetesClientException e) {
        return "error " + e.getCode();
      } catch (ResourceNotFoundException e) {
        return "error not found";
      }
    }
  }

  private static Step step(Random random, String example) {
    String namespace = example + "-n" + random.nextInt(2);
    String name = NAMES.get(random.nextInt(NAMES.size()));
    boolean workflow = random.nextBoolean();
    String kind = workflow ? "workflow" : "configmap";
    String tier = Integer.toString(1 + random.nextInt(2));
    switch (random.nextInt(10)) {
      case 0, 1 -> {
        return new Step(
            "create " + kind + " " + namespace + "/" + name + " tier=" + tier,
            c ->
                describe(
                    workflow
                        ? c.genericKubernetesResources(WORKFLOWS)
                            .inNamespace(namespace)
                            .resource(workflow(namespace, name, tier, example))
                            .create()
                        : c.configMaps()
                            .inNamespace(namespace)
                            .resource(configMap(namespace, name, tier, example))
                            .create()));
      }
      case 2 -> {
        return new Step(
            "get " + kind + " " + namespace + "/" + name,
            c ->
                describe(
                    workflow
                        ? c.genericKubernetesResources(WORKFLOWS)
                            .inNamespace(namespace)
                            .withName(name)
                            .get()
                        : c.configMaps().inNamespace(namespace).withName(name).get()));
      }
      case 3 -> {
        String selector = SELECTORS.get(random.nextInt(SELECTORS.size()));
        boolean everywhere = random.nextInt(3) == 0;
        String by = random.nextInt(4) == 0 ? name : null;
        return new Step(
            "list "
                + kind
                + (everywhere ? " everywhere" : " in " + namespace)
                + " "
                + selector
                + (by == null ? "" : " name=" + by),
            c -> {
              List<? extends HasMetadata> items;
              Map<String, String> fields = by == null ? Map.of() : Map.of("metadata.name", by);
              String labels =
                  selector.isEmpty() ? "example=" + example : "example=" + example + "," + selector;
              if (workflow) {
                var op = c.genericKubernetesResources(WORKFLOWS);
                items =
                    (everywhere
                            ? op.inAnyNamespace().withLabelSelector(labels).withFields(fields)
                            : op.inNamespace(namespace)
                                .withLabelSelector(labels)
                                .withFields(fields))
                        .list()
                        .getItems();
              } else {
                var op = c.configMaps();
                items =
                    (everywhere
                            ? op.inAnyNamespace().withLabelSelector(labels).withFields(fields)
                            : op.inNamespace(namespace)
                                .withLabelSelector(labels)
                                .withFields(fields))
                        .list()
                        .getItems();
              }
              return items.stream()
                  .map(IndexedCrudDispatcherTest::describe)
                  .sorted()
                  .toList()
                  .toString();
            });
      }
      case 4 -> {
        return new Step(
            "relabel " + kind + " " + namespace + "/" + name + " tier=" + tier,
            c ->
                describe(
                    workflow
                        ? c.genericKubernetesResources(WORKFLOWS)
                            .inNamespace(namespace)
                            .withName(name)
                            .edit(
                                w -> {
                                  w.getMetadata().getLabels().put("tier", tier);
                                  return w;
                                })
                        : c.configMaps()
                            .inNamespace(namespace)
                            .withName(name)
                            .edit(
                                m -> {
                                  m.getMetadata().getLabels().put("tier", tier);
                                  return m;
                                })));
      }
      case 5 -> {
        String value = "v" + random.nextInt(100);
        return new Step(
            "replace " + kind + " " + namespace + "/" + name + " with " + value,
            c -> {
              if (workflow) {
                GenericKubernetesResource w =
                    c.genericKubernetesResources(WORKFLOWS)
                        .inNamespace(namespace)
                        .withName(name)
                        .require();
                w.setAdditionalProperty("spec", Map.of("serviceAccountName", value));
                return describe(
                    c.genericKubernetesResources(WORKFLOWS)
                        .inNamespace(namespace)
                        .resource(w)
                        .update());
              }
              ConfigMap m = c.configMaps().inNamespace(namespace).withName(name).require();
              m.getData().put("v", value);
              return describe(c.configMaps().inNamespace(namespace).resource(m).update());
            });
      }
      case 6 -> {
        String phase = random.nextBoolean() ? "Running" : "Succeeded";
        return new Step(
            "status workflow " + namespace + "/" + name + " " + phase,
            c ->
                describe(
                    c.genericKubernetesResources(WORKFLOWS)
                        .inNamespace(namespace)
                        .withName(name)
                        .editStatus(
                            w -> {
                              w.setAdditionalProperty("status", Map.of("phase", phase));
                              return w;
                            })));
      }
      case 7 -> {
        boolean hold = random.nextBoolean();
        return new Step(
            (hold ? "hold " : "release ") + kind + " " + namespace + "/" + name,
            c -> {
              Function<HasMetadata, HasMetadata> change =
                  o -> {
                    List<String> finalizers = new ArrayList<>(o.getMetadata().getFinalizers());
                    finalizers.remove("illm.io/test");
                    if (hold) {
                      finalizers.add("illm.io/test");
                    }
                    o.getMetadata().setFinalizers(finalizers);
                    return o;
                  };
              return describe(
                  workflow
                      ? c.genericKubernetesResources(WORKFLOWS)
                          .inNamespace(namespace)
                          .withName(name)
                          .edit(w -> (GenericKubernetesResource) change.apply(w))
                      : c.configMaps()
                          .inNamespace(namespace)
                          .withName(name)
                          .edit(m -> (ConfigMap) change.apply(m)));
            });
      }
      default -> {
        return new Step(
            "delete " + kind + " " + namespace + "/" + name,
            c ->
                (workflow
                            ? c.genericKubernetesResources(WORKFLOWS)
                                .inNamespace(namespace)
                                .withName(name)
                                .delete()
                            : c.configMaps().inNamespace(namespace).withName(name).delete())
                        .size()
                    + " deleted");
      }
    }
  }

  private static ConfigMap configMap(String namespace, String name, String tier, String example) {
    return new ConfigMapBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withNamespace(namespace)
                .withName(name)
                .withLabels(new TreeMap<>(Map.of("tier", tier, "example", example)))
                .build())
        .withData(new HashMap<>(Map.of("v", "0")))
        .build();
  }

  private static GenericKubernetesResource workflow(
      String namespace, String name, String tier, String example) {
    GenericKubernetesResource w = new GenericKubernetesResource();
    w.setApiVersion("argoproj.io/v1alpha1");
    w.setKind("Workflow");
    w.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withLabels(new TreeMap<>(Map.of("tier", tier, "example", example)))
            .build());
    w.setAdditionalProperty("spec", Map.of("serviceAccountName", "initial"));
    return w;
  }

  /** What a client sees of an object, without what differs by design (uid, times, versions). */
  private static String describe(HasMetadata o) {
    if (o == null) {
      return "none";
    }
    var meta = o.getMetadata();
    String content =
        o instanceof ConfigMap m
            ? String.valueOf(new TreeMap<>(m.getData()))
            : String.valueOf(
                new TreeMap<>(((GenericKubernetesResource) o).getAdditionalProperties()));
    return o.getKind()
        + " "
        + meta.getNamespace()
        + "/"
        + meta.getName()
        + " labels="
        + new TreeMap<>(meta.getLabels())
        + " finalizers="
        + meta.getFinalizers()
        + " deleting="
        + (meta.getDeletionTimestamp() != null)
        + " generation="
        + meta.getGeneration()
        + " "
        + content;
  }
}
