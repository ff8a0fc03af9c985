package io.illm.lab.operator.adapters.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.operator.results.PendingRuns;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.yaml.LabYaml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Runs kept on the hub while the results store is down: ConfigMaps in the operator's namespace,
 * each file gzipped in {@code binaryData}. A ConfigMap holds at most about 1 MiB, so the summary
 * goes in the run's main ConfigMap, raw files fill it and then up to {@value #MAX_PARTS} more
 * ({@code <name>-1}, ...); a raw file that fits nowhere is dropped and named in {@link
 * Kept#dropped}. The summary is never dropped: a summary too large for one ConfigMap is an error.
 * Parts are written first and the main ConfigMap last, so a main ConfigMap means a complete copy.
 */
public final class ConfigMapPendingRuns implements PendingRuns {

  /** Marks the ConfigMaps, with value {@link #ROLE_RUN} (main) or {@link #ROLE_PART}. */
  public static final String ROLE_LABEL = "results.illm.io/pending";

  public static final String ROLE_RUN = "run";
  public static final String ROLE_PART = "part";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String INDEX = "index.json";
  static final String SUMMARY = "summary.json.gz";

  /** Bytes of data per ConfigMap: below the 1 MiB object limit, with room for metadata. */
  static final int BUDGET = 900 * 1024;

  static final int MAX_PARTS = 8;

  /** Room kept in every ConfigMap for metadata and the index. */
  private static final int OVERHEAD = 8 * 1024;

  private static final int MAX_NAME = 253 - 3;

  private final KubernetesClient client;
  private final String namespace;
  private final int budget;

  public ConfigMapPendingRuns(KubernetesClient client, String namespace) {
    this(client, namespace, BUDGET);
  }

  ConfigMapPendingRuns(KubernetesClient client, String namespace, int budget) {
    this.client = client;
    this.namespace = namespace;
    this.budget = budget;
  }

  /**
   * Keeps the run on the hub (again: the same run gives the same ConfigMaps).
   *
   * @param reason why the store did not take it, kept as an annotation
   * @throws IllegalStateException when the summary alone is too large
   * @throws KubernetesClientException when the hub does not take it either
   */
  @Override
  public Kept keep(RunFiles run, String reason) {
    String name = name(run.key());
    String summary = encode(run.summary());
    if (OVERHEAD + summary.length() > budget) {
      throw new IllegalStateException(
          "summary of "
              + run.key()
              + " is "
              + run.summary().length
              + " bytes, too large for a ConfigMap even gzipped");
    }
    List<Map<String, String>> parts = new ArrayList<>();
    parts.add(new TreeMap<>(Map.of(SUMMARY, summary)));
    List<Integer> used = new ArrayList<>(List.of(OVERHEAD + summary.length()));
    ObjectNode index = LabYaml.json().createObjectNode();
    ObjectNode rawIndex = index.putObject("raw");
    List<String> dropped = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, byte[]> raw : run.raw().entrySet()) {
      String key = "raw-" + n++ + ".json.gz";
      used.set(0, used.get(0) + raw.getKey().length() + 2 * name.length() + 64);
      String data = encode(raw.getValue());
      int part = place(parts, used, key, data);
      if (part < 0) {
        dropped.add(raw.getKey());
      } else {
        rawIndex
            .putObject(raw.getKey())
            .put("configMap", part == 0 ? name : name + "-" + part)
            .put("key", key);
      }
    }
    index.put("parts", parts.size() - 1);
    index.putPOJO("dropped", dropped);
    for (int part = 1; part < parts.size(); part++) {
      apply(configMap(name + "-" + part, ROLE_PART, run.key(), reason, Map.of(), parts.get(part)));
    }
    apply(
        configMap(
            name, ROLE_RUN, run.key(), reason, Map.of(INDEX, index.toString()), parts.get(0)));
    return new Kept(location(name), List.copyOf(dropped));
  }

  /** The names of the runs kept here (main ConfigMaps), sorted. */
  @Override
  public List<String> pending() {
    return client
        .configMaps()
        .inNamespace(namespace)
        .withLabel(ROLE_LABEL, ROLE_RUN)
        .list()
        .getItems()
        .stream()
        .map(cm -> cm.getMetadata().getName())
        .sorted()
        .toList();
  }

  /**
   * The run kept as {@code name}; raw files whose part is gone are left out.
   *
   * @throws IllegalArgumentException when there is no such run
   */
  @Override
  public RunFiles read(String name) {
    ConfigMap main = client.configMaps().inNamespace(namespace).withName(name).get();
    if (main == null
        || main.getBinaryData() == null
        || !main.getBinaryData().containsKey(SUMMARY)) {
      throw new IllegalArgumentException(location(name) + ": no run kept there");
    }
    Map<String, String> annotations = main.getMetadata().getAnnotations();
    RunKey key =
        new RunKey(
            annotations.get("results.illm.io/experiment"), annotations.get("results.illm.io/run"));
    SortedMap<String, byte[]> raw = new TreeMap<>();
    Map<String, ConfigMap> parts = new TreeMap<>(Map.of(name, main));
    JsonNode index = index(main);
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) index.path("raw")::fields) {
      String holder = entry.getValue().path("configMap").asText();
      ConfigMap part =
          parts.computeIfAbsent(
              holder, n -> client.configMaps().inNamespace(namespace).withName(n).get());
      String data =
          part == null || part.getBinaryData() == null
              ? null
              : part.getBinaryData().get(entry.getValue().path("key").asText());
      if (data != null) {
        raw.put(entry.getKey(), decode(data));
      }
    }
    return new RunFiles(key, decode(main.getBinaryData().get(SUMMARY)), raw);
  }

  /** Deletes the run kept as {@code name}: its parts, then the main ConfigMap. */
  @Override
  public void remove(String name) {
    ConfigMap main = client.configMaps().inNamespace(namespace).withName(name).get();
    int parts = main == null ? 0 : index(main).path("parts").asInt();
    for (int part = 1; part <= parts; part++) {
      client.configMaps().inNamespace(namespace).withName(name + "-" + part).delete();
    }
    client.configMaps().inNamespace(namespace).withName(name).delete();
  }

  /** {@code configmap://<namespace>/<name>}. */
  @Override
  public String location(String name) {
    return "configmap://" + namespace + "/" + name;
  }

  /**
   * The main ConfigMap's name of a run: {@code illm-results-<experiment>-<run>}, lowercase, at most
   * 250.
   */
  static String name(RunKey key) {
    String name =
        ("illm-results-" + key.experiment() + "-" + key.run())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.-]", "-");
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return name.substring(0, MAX_NAME - 11) + "-" + HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The part the data went in (0: main, a new part when none has room), or -1 when it fits in none.
   */
  private int place(List<Map<String, String>> parts, List<Integer> used, String key, String data) {
    int size = key.length() + data.length();
    for (int part = 0; part < parts.size(); part++) {
      if (used.get(part) + size <= budget) {
        parts.get(part).put(key, data);
        used.set(part, used.get(part) + size);
        return part;
      }
    }
    if (parts.size() > MAX_PARTS || OVERHEAD + size > budget) {
      return -1;
    }
    parts.add(new TreeMap<>(Map.of(key, data)));
    used.add(OVERHEAD + size);
    return parts.size() - 1;
  }

  private ConfigMap configMap(
      String name,
      String role,
      RunKey key,
      String reason,
      Map<String, String> data,
      Map<String, String> binary) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels(ROLE_LABEL, role)
        .addToLabels(MANAGED_BY, "illm-lab")
        .addToAnnotations("results.illm.io/experiment", key.experiment())
        .addToAnnotations("results.illm.io/run", key.run())
        .addToAnnotations(
            "results.illm.io/reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
        .endMetadata()
        .withData(data.isEmpty() ? null : new TreeMap<>(data))
        .withBinaryData(new TreeMap<>(binary))
        .build();
  }

  private void apply(ConfigMap configMap) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(configMap)
        .createOr(NonDeletingOperation::update);
  }

  private static JsonNode index(ConfigMap main) {
    String text = main.getData() == null ? null : main.getData().get(INDEX);
    try {
      return text == null ? LabYaml.json().createObjectNode() : LabYaml.json().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String encode(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  static byte[] decode(String data) {
    try (GZIPInputStream gzip =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(data)))) {
      return gzip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
