package io.illm.lab.hub;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.illm.lab.hub.controllers.SimControllers;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimPrometheus;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.adapters.events.KubernetesEvents;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.adapters.kubernetes.KubernetesChanges;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.josdk.ExperimentOperator;
import io.illm.lab.operator.josdk.OperatorMetrics;
import io.illm.lab.operator.josdk.OperatorSettings;
import io.illm.lab.operator.main.DataPlane;
import io.illm.lab.operator.main.KubernetesPorts;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.Retries;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A hub inside this process, for {@code ./lab run} without a cluster (ADR-008): fabric8's mock API
 * server on a loopback ephemeral port (CRUD mode; not a kube-apiserver: no admission, no schema
 * validation, no garbage collection), the CRDs of our kinds and of the child kinds applied, the
 * real JOSDK operator on the Kubernetes ports, and Crossplane, ArgoCD and Argo Workflows simulated
 * by {@link SimControllers} acting on the real child objects, Kubernetes Events, and a {@link
 * DataPlane}: metrics from a simulated Prometheus (or a real one), results in a folder. Everything
 * it produces is marked simulated. {@link #close} stops the operator, the controllers and the
 * informers, then the server.
 */
public final class EmbeddedHub implements AutoCloseable {

  /** Where experiments are created (also the namespace of the cluster claims). */
  public static final String NAMESPACE = "experiments";

  /** Where the children go: the platform's namespaces. */
  public static final Placement PLACEMENT = Placement.DEFAULT;

  private static final List<String> CRDS =
      List.of("experiments.experiments.illm.io", "components.experiments.illm.io");

  /** The child CRD subsets (operator/src/main/crds), on the classpath. */
  private static final List<String> CHILD_CRDS =
      List.of(
          "clusterclaims.illm.io.yaml",
          "applications.argoproj.io.yaml",
          "workflows.argoproj.io.yaml");

  /** Held so the levels stay set: java.util.logging keeps loggers weakly. */
  private static final List<Logger> QUIET =
      List.of(
          Logger.getLogger("io.fabric8"),
          Logger.getLogger("io.vertx"),
          Logger.getLogger("io.netty"),
          Logger.getLogger("okhttp3"),
          Logger.getLogger("io.javaoperatorsdk"));

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private Operator operator;
  private SimControllers controllers;
  private KubernetesChanges changes;
  private DataPlane data;
  private SimPrometheus simPrometheus;
  private Path temporaryResults;
  private final OperatorMetrics metrics = new OperatorMetrics();
  private final Thread requestLog;

  private EmbeddedHub(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
    this.requestLog = new Thread(this::forgetRequests, "embedded-hub-request-log");
    requestLog.setDaemon(true);
    requestLog.start();
  }

  /**
   * The mock server keeps every request it answered, for tests to take; nobody takes them here, and
   * with many experiments they were most of the heap (the operator benchmark: some 145,000 requests
   * for 1,000 experiments). Taken and dropped as they come; {@link #requestCount} still counts
   * them.
   */
  private void forgetRequests() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        server.takeRequest();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts the server, applies the CRDs (ours from {@code generated-crds/} under {@code labRoot}
   * when there, else from the classpath; the child subsets from the classpath) and creates the
   * namespaces; the operator comes with {@link #startOperator}, so that a simulated clock need not
   * run while the server starts.
   */
  public static EmbeddedHub start(Path labRoot) {
    QUIET.forEach(l -> l.setLevel(Level.OFF));
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new IndexedCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    try {
      for (String crd : CRDS) {
        try (InputStream in = crd(labRoot, crd)) {
          client.apiextensions().v1().customResourceDefinitions().load(in).create();
        }
      }
      for (String crd : CHILD_CRDS) {
        try (InputStream in = childCrd(crd)) {
          client.apiextensions().v1().customResourceDefinitions().load(in).create();
        }
      }
      for (String namespace :
          new TreeSet<>(
              List.of(NAMESPACE, PLACEMENT.claims(), PLACEMENT.argocd(), PLACEMENT.workflows()))) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
      }
      return new EmbeddedHub(server, client);
    } catch (IOException e) {
      client.close();
      server.destroy();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      client.close();
      server.destroy();
      throw e;
    }
  }

  /**
   * Creates the catalogue's Component objects (cluster-scoped), which the deployment port reads.
   */
  public void publish(Collection<Component> components) {
    for (Component component : components) {
      Component copy = new Component();
      copy.setMetadata(
          new ObjectMetaBuilder()
              .withName(component.getMetadata().getName())
              .withLabels(component.getMetadata().getLabels())
              .build());
      copy.setSpec(component.getSpec());
      client.resource(copy).create();
    }
  }

  /**
   * Creates a WorkflowTemplate as synthesized ({@code experiments/<name>/workflow-template.yaml})
   * in the Workflows' namespace, so that the workflow port finds it and the simulated Argo walks
   * its steps.
   */
  public void publishWorkflowTemplate(GenericKubernetesResource template) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(template.getApiVersion());
    copy.setKind(template.getKind());
    copy.setMetadata(
        new ObjectMetaBuilder()
            .withName(template.getMetadata().getName())
            .withNamespace(PLACEMENT.workflows())
            .withAnnotations(template.getMetadata().getAnnotations())
            .build());
    copy.setAdditionalProperties(template.getAdditionalProperties());
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(copy).create();
  }

  /**
   * Creates a placeholder WorkflowTemplate {@code name} without steps (marked simulated), for an
   * experiment whose template is not in the lab, so that the workflow port finds it and the
   * simulated Argo runs it.
   */
  public void simulateWorkflowTemplate(String name) {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(PLACEMENT.workflows()).build());
    SimControllers.mark(template);
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(template).create();
  }

  /**
   * Starts the simulated controllers, the children's informers and the operator, all on {@code
   * clock} ({@code timeFactor} times faster than real time, which only sets how soon a failed
   * reconcile is retried) with the simulated controllers taking {@code timings}. Set failure
   * switches on {@link #controllers()} before creating an experiment.
   */
  public void startOperator(SimClock clock, SimTimings timings, double timeFactor) {
    startOperator(clock, timings, timeFactor, 1);
  }

  /**
   * {@link #startOperator(SimClock, SimTimings, double)} reconciling up to {@code concurrency}
   * experiments at once (JOSDK's reconciliation threads); {@code ./lab run} runs one experiment and
   * needs 1, the operator benchmark creates many. Results go to a temporary folder removed by
   * {@link #close}.
   */
  public void startOperator(
      SimClock clock, SimTimings timings, double timeFactor, int concurrency) {
    Path results;
    try {
      results = Files.createTempDirectory("illm-hub-results");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    temporaryResults = results;
    startOperator(
        clock,
        timings,
        timeFactor,
        concurrency,
        Optional.empty(),
        new FolderResultsStore(results),
        UnaryOperator.identity());
  }

  /**
   * Starts the operator as {@link #startOperator(SimClock, SimTimings, double, int)} does, with its
   * metrics from {@code prometheus} (empty: a simulated Prometheus) and its results in {@code
   * store}; {@code window} maps simulated instants to the source's (see {@link DataPlane#open}).
   */
  public void startOperator(
      SimClock clock,
      SimTimings timings,
      double timeFactor,
      int concurrency,
      Optional<URI> prometheus,
      ResultsStore store,
      UnaryOperator<Instant> window) {
    if (operator != null) {
      throw new IllegalStateException("the operator of this hub is already started");
    }
    controllers = new SimControllers(client, PLACEMENT, clock, timings);
    controllers.start();
    changes = new KubernetesChanges(client, PLACEMENT);
    changes.start();
    URI source;
    if (prometheus.isPresent()) {
      source = prometheus.get();
    } else {
      simPrometheus = SimPrometheus.start();
      source = simPrometheus.uri();
      changes.onExperiments(profiles(simPrometheus));
    }
    data =
        DataPlane.open(
            client,
            clock,
            source,
            simPrometheus != null,
            store,
            Optional.empty(),
            Retries.DEFAULT,
            true,
            window);
    // no probes, no leader election, SSA off (the mock answers 415 to it)
    OperatorSettings settings =
        new OperatorSettings(
            concurrency, Optional.empty(), 0, timeFactor, Duration.ofMillis(100), false, false);
    KubernetesEvents events =
        new KubernetesEvents(
            client, KubernetesEvents.COMPONENT, "embedded-hub", clock, changes::experiment);
    Engine engine =
        new Engine(KubernetesPorts.of(client, PLACEMENT, changes, data, events, true), clock);
    operator = ExperimentOperator.create(client, engine, settings, metrics);
    operator.start();
  }

  /**
   * Tells the simulated Prometheus what every experiment created (or changed) declares, so that its
   * levels derive from the spec: the components' requests and limits and the workflow's load
   * ({@link io.illm.lab.hub.sim.SimProfile}). It listens to the operator's informer on experiments:
   * a watch of its own would receive and decode every status write a second time.
   */
  private ResourceEventHandler<Experiment> profiles(SimPrometheus prometheus) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Experiment experiment) {
        register(prometheus, experiment);
      }

      @Override
      public void onUpdate(Experiment before, Experiment after) {
        if (!java.util.Objects.equals(before.getSpec(), after.getSpec())) {
          register(prometheus, after);
        }
      }

      @Override
      public void onDelete(Experiment experiment, boolean unknown) {}
    };
  }

  private void register(SimPrometheus prometheus, Experiment experiment) {
    if (experiment.getSpec() == null || experiment.getSpec().getTargets() == null) {
      return;
    }
    prometheus.register(
        experiment, name -> Optional.ofNullable(component(name)).map(Component::getSpec));
  }

  /** The component from the operator's cache, or from the server when the cache has not seen it. */
  private Component component(String name) {
    return changes
        .component(name)
        .orElseGet(() -> client.resources(Component.class).withName(name).get());
  }

  /** The metrics and results of this hub; null before {@link #startOperator}. */
  public DataPlane data() {
    return data;
  }

  /** The operator's reconcile counts and times (what its /metrics would serve). */
  public OperatorMetrics metrics() {
    return metrics;
  }

  /** How many requests the embedded API server has answered so far (watches count once). */
  public int requestCount() {
    return server.getRequestCount();
  }

  /** A client of the embedded API server; closed by {@link #close}. */
  public KubernetesClient client() {
    return client;
  }

  /** The simulated controllers and their failure switches; null before {@link #startOperator}. */
  public SimControllers controllers() {
    return controllers;
  }

  @Override
  public void close() {
    try {
      if (operator != null) {
        operator.stop();
      }
    } finally {
      try {
        if (controllers != null) {
          controllers.close();
        }
        if (changes != null) {
          changes.close();
        }
        if (data != null) {
          data.close();
        }
        if (simPrometheus != null) {
          simPrometheus.close();
        }
        if (temporaryResults != null) {
          deleteTree(temporaryResults);
        }
      } finally {
        requestLog.interrupt();
        client.close();
        server.destroy();
      }
    }
  }

  private static InputStream crd(Path labRoot, String name) throws IOException {
    Path file = labRoot.resolve("generated-crds").resolve(name + ".yaml");
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    InputStream resource =
        EmbeddedHub.class.getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml");
    if (resource == null) {
      throw new IOException(
          "no CRD "
              + name
              + ": neither "
              + file
              + " nor META-INF/fabric8/"
              + name
              + "-v1.yml on the classpath");
    }
    return resource;
  }

  private static InputStream childCrd(String file) throws IOException {
    InputStream resource =
        EmbeddedHub.class.getResourceAsStream("/META-INF/illm-lab/child-crds/" + file);
    if (resource == null) {
      throw new IOException(
          "no child CRD META-INF/illm-lab/child-crds/"
              + file
              + " on the classpath (build the operator)");
    }
    return resource;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
