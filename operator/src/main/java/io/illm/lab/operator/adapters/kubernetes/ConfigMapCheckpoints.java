package io.illm.lab.operator.adapters.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.Checkpoints;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.ports.ExperimentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints as ConfigMaps beside the experiment: one per finished window ({@link
 * ExperimentNames#metricsCheckpointName}), gzipped, owned by the experiment (garbage collection
 * removes them with it) and labelled with it. A window too large for a ConfigMap is not kept.
 */
public final class ConfigMapCheckpoints implements Checkpoints {

  /** Marks a checkpoint ConfigMap; the value says of what. */
  public static final String ROLE_LABEL = "experiments.illm.io/checkpoint";

  static final String ROLE = "metrics";
  static final String ATTEMPT = "experiments.illm.io/attempt";
  static final String WINDOW = "experiments.illm.io/window";
  static final String PLAN = "plan.json.gz";
  static final String ANSWERS = "answers.json.gz";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapCheckpoints.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private static final TypeReference<Map<String, Answer>> ANSWER_MAP = new TypeReference<>() {};

  private final KubernetesClient client;
  private final int budget;

  public ConfigMapCheckpoints(KubernetesClient client) {
    this(client, ConfigMapPendingRuns.BUDGET);
  }

  ConfigMapCheckpoints(KubernetesClient client, int budget) {
    this.client = client;
    this.budget = budget;
  }

  @Override
  public Optional<Saved> load(ExperimentId experiment) {
    List<ConfigMap> kept = list(experiment);
    int attempt = kept.stream().mapToInt(ConfigMapCheckpoints::attempt).max().orElse(0);
    QueryPlan plan = null;
    SortedMap<Integer, Map<String, Answer>> windows = new TreeMap<>();
    for (ConfigMap cm : kept) {
      if (attempt(cm) == attempt) {
        plan = read(cm, PLAN, QueryPlan.class);
        windows.put(window(cm), read(cm, ANSWERS, ANSWER_MAP));
      }
    }
    return plan == null ? Optional.empty() : Optional.of(new Saved(plan, attempt, windows));
  }

  @Override
  public void save(
      ExperimentId experiment,
      QueryPlan plan,
      int attempt,
      int window,
      Map<String, Answer> answers) {
    Optional<Experiment> owner = owner(experiment);
    if (owner.isEmpty()) {
      return; // the experiment is gone: nothing to resume
    }
    String planData = ConfigMapPendingRuns.encode(bytes(plan));
    String answerData = ConfigMapPendingRuns.encode(bytes(new TreeMap<>(answers)));
    if (planData.length() + answerData.length() > budget) {
      LOG.warn(
          "metrics of {}: window {} is too large to keep ({} bytes); a restart asks for it again",
          experiment,
          window,
          planData.length() + answerData.length());
      return;
    }
    ConfigMap cm = configMap(owner.get(), attempt, window, planData, answerData);
    client
        .configMaps()
        .inNamespace(experiment.namespace())
        .resource(cm)
        .createOr(NonDeletingOperation::update);
  }

  @Override
  public void clear(ExperimentId experiment) {
    try {
      client
          .configMaps()
          .inNamespace(experiment.namespace())
          .withLabel(ChildLabels.EXPERIMENT, experiment.name())
          .withLabel(ROLE_LABEL, ROLE)
          .delete();
    } catch (KubernetesClientException e) {
      LOG.warn("metrics of {}: the checkpoints could not be deleted: {}", experiment, e.toString());
    }
  }

  private List<ConfigMap> list(ExperimentId experiment) {
    return client
        .configMaps()
        .inNamespace(experiment.namespace())
        .withLabel(ChildLabels.EXPERIMENT, experiment.name())
        .withLabel(ROLE_LABEL, ROLE)
        .list()
        .getItems()
        .stream()
        .sorted(Comparator.comparing(cm -> cm.getMetadata().getName()))
        .toList();
  }

  private Optional<Experiment> owner(ExperimentId experiment) {
    return Optional.ofNullable(
        client
            .resources(Experiment.class)
            .inNamespace(experiment.namespace())
            .withName(experiment.name())
            .get());
  }

  private static ConfigMap configMap(
      Experiment owner, int attempt, int window, String plan, String answers) {
    String name = owner.getMetadata().getName();
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(ExperimentNames.metricsCheckpointName(name, window))
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(new TreeMap<>(ChildLabels.of(name)))
        .addToLabels(ROLE_LABEL, ROLE)
        .addToAnnotations(ATTEMPT, Integer.toString(attempt))
        .addToAnnotations(WINDOW, Integer.toString(window))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(Experiment.API_VERSION)
                .withKind(Experiment.KIND)
                .withName(name)
                .withUid(owner.getMetadata().getUid())
                .build())
        .endMetadata()
        .withBinaryData(new TreeMap<>(Map.of(PLAN, plan, ANSWERS, answers)))
        .build();
  }

  private static int attempt(ConfigMap cm) {
    return Integer.parseInt(cm.getMetadata().getAnnotations().getOrDefault(ATTEMPT, "0"));
  }

  private static int window(ConfigMap cm) {
    return Integer.parseInt(cm.getMetadata().getAnnotations().getOrDefault(WINDOW, "0"));
  }

  private static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(ConfigMap cm, String key, Class<T> type) {
    try {
      return JSON.readValue(ConfigMapPendingRuns.decode(cm.getBinaryData().get(key)), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(ConfigMap cm, String key, TypeReference<T> type) {
    try {
      return JSON.readValue(ConfigMapPendingRuns.decode(cm.getBinaryData().get(key)), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
