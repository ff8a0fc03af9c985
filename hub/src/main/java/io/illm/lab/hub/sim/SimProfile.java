package io.illm.lab.hub.sim;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.names.ExperimentNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an experiment's spec declares that the simulated levels derive from: one pod per component
 * and target, with the component's memory and CPU requests and limits (Helm values ending in {@code
 * resources.requests.memory}, {@code resources.limits.cpu}..., the target's params over the
 * component's own), and the load the workflow's parameters declare ({@code series}, {@code
 * rate}...).
 *
 * <p>A pod's level is {@code request + load x (limit - request)}, kept below 95% of the limit (a
 * container over its memory limit is killed), within 2% per target and component (two clusters are
 * not identical). The load is a share in [0, 1): series / (series + 50,000), rate / (rate + 5,000),
 * the larger; 0.25 when the workflow declares neither. Without declared resources: a request of
 * {@value #DEFAULT_MEMORY_MIB} MiB and 0.05 cores, limits four times and ten times that. Every one
 * of these numbers is simulated, not measured.
 *
 * @param experiment the experiment's name
 * @param load the load share the workflow declares
 * @param pods the pods, target by target in spec order
 */
public record SimProfile(String experiment, double load, List<Pod> pods) {

  static final int DEFAULT_MEMORY_MIB = 64;
  static final double DEFAULT_CORES = 0.05;
  static final double DEFAULT_LOAD = 0.25;
  private static final double MIB = 1024 * 1024;
  private static final Pattern QUANTITY =
      Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?");

  public SimProfile {
    pods = List.copyOf(pods);
  }

  /**
   * One component on one target.
   *
   * @param labels experiment, namespace, cluster, target, pod and container, as the series carry
   * @param memory the working-set level in bytes
   * @param memoryLimit the memory limit in bytes
   * @param cores the CPU level in cores
   */
  public record Pod(Map<String, String> labels, double memory, double memoryLimit, double cores) {}

  /** A request and a limit of one resource. */
  record Resources(double request, double limit) {
    double level(double load) {
      return Math.min(request + load * (limit - request), 0.95 * limit);
    }
  }

  /** The profile of {@code experiment}; components are looked up by name (absent: defaults). */
  public static SimProfile of(
      Experiment experiment, Function<String, Optional<ComponentSpec>> components, long seed) {
    String name = experiment.getMetadata().getName();
    double load =
        load(
            experiment.getSpec().getWorkflow() == null
                ? null
                : experiment.getSpec().getWorkflow().getParams());
    List<Pod> pods = new ArrayList<>();
    for (Target target : experiment.getSpec().getTargets()) {
      List<ComponentRef> refs = target.getComponents() == null ? List.of() : target.getComponents();
      for (ComponentRef ref : refs) {
        pods.add(pod(name, target, ref, components, load, seed));
      }
    }
    return new SimProfile(name, load, pods);
  }

  private static Pod pod(
      String experiment,
      Target target,
      ComponentRef ref,
      Function<String, Optional<ComponentSpec>> components,
      double load,
      long seed) {
    String component =
        ref.getApp() != null
            ? ref.getApp()
            : ref.getWorkflow() != null ? ref.getWorkflow() : ref.getConfig();
    Optional<ComponentSpec> spec = components.apply(component);
    Map<String, String> values = values(spec, ref.getParams());
    Map<String, String> labels = new TreeMap<>();
    labels.put("experiment", experiment);
    labels.put("namespace", experiment);
    labels.put("cluster", cluster(experiment, target));
    labels.put("target", target.getName());
    labels.put("pod", release(spec, component) + "-0");
    labels.put("container", component);
    Resources memory = resources(values, "memory", DEFAULT_MEMORY_MIB * MIB, 4);
    Resources cpu = resources(values, "cpu", DEFAULT_CORES, 10);
    double jitter = 1 + 0.04 * (SimSignal.unit(SimSignal.key(seed, labels.toString())) - 0.5);
    return new Pod(
        labels,
        Math.min(memory.level(load) * jitter, 0.95 * memory.limit()),
        memory.limit(),
        cpu.level(load) * jitter);
  }

  private static String cluster(String experiment, Target target) {
    boolean hub = target.getCluster() != null && target.getCluster().getProvider() == Provider.HUB;
    return hub
        ? ExperimentNames.HUB_CLUSTER
        : ExperimentNames.clusterName(experiment, target.getName());
  }

  /** The Helm values the component sets, with the target's params over them. */
  private static Map<String, String> values(
      Optional<ComponentSpec> spec, Map<String, String> params) {
    Map<String, String> values = new TreeMap<>();
    for (ComponentSource source : spec.map(SimProfile::sources).orElse(List.of())) {
      if (source != null && source.getHelm() != null && source.getHelm().getParameters() != null) {
        for (HelmParameter parameter : source.getHelm().getParameters()) {
          values.put(parameter.getName(), parameter.getValue());
        }
      }
    }
    if (params != null) {
      values.putAll(params);
    }
    return values;
  }

  private static List<ComponentSource> sources(ComponentSpec spec) {
    return spec.getSources() == null ? List.of() : spec.getSources();
  }

  /** The pods' name prefix: the Helm release, else the component's name. */
  private static String release(Optional<ComponentSpec> spec, String component) {
    return spec.map(SimProfile::sources).orElse(List.of()).stream()
        .filter(s -> s != null && s.getHelm() != null && s.getHelm().getReleaseName() != null)
        .map(s -> s.getHelm().getReleaseName())
        .findFirst()
        .orElse(component);
  }

  /**
   * The summed requests and limits of {@code resource} over every Helm path that sets them; a
   * missing request is a quarter of the limit, a missing limit {@code ratio} times the request.
   */
  static Resources resources(
      Map<String, String> values, String resource, double request, int ratio) {
    double requests = sum(values, "resources.requests." + resource);
    double limits = sum(values, "resources.limits." + resource);
    if (requests == 0 && limits == 0) {
      return new Resources(request, request * ratio);
    }
    if (limits == 0) {
      return new Resources(requests, requests * ratio);
    }
    return new Resources(requests == 0 ? limits / 4 : Math.min(requests, limits), limits);
  }

  private static double sum(Map<String, String> values, String suffix) {
    double total = 0;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().equals(suffix) || e.getKey().endsWith("." + suffix)) {
        total += quantity(e.getValue());
      }
    }
    return total;
  }

  /**
   * A Kubernetes quantity ({@code 256Mi}, {@code 1Gi}, {@code 100m}, {@code 0.5}); 0 if not one.
   */
  static double quantity(String text) {
    Matcher m = text == null ? null : QUANTITY.matcher(text.strip());
    if (m == null || !m.matches()) {
      return 0;
    }
    double number = Double.parseDouble(m.group(1));
    String suffix = m.group(2) == null ? "" : m.group(2);
    return number
        * switch (suffix) {
          case "Ki" -> 1024.0;
          case "Mi" -> MIB;
          case "Gi" -> 1024 * MIB;
          case "Ti" -> 1024 * 1024 * MIB;
          case "Pi" -> 1024.0 * 1024 * 1024 * MIB;
          case "Ei" -> 1024.0 * 1024 * 1024 * 1024 * MIB;
          case "k" -> 1e3;
          case "M" -> 1e6;
          case "G" -> 1e9;
          case "T" -> 1e12;
          case "P" -> 1e15;
          case "E" -> 1e18;
          case "m" -> 1e-3;
          default -> 1.0;
        };
  }

  /** The load share the workflow's parameters declare. */
  static double load(Map<String, String> params) {
    double share = -1;
    if (params != null) {
      for (Map.Entry<String, String> e : params.entrySet()) {
        String key = e.getKey().toLowerCase(Locale.ROOT);
        double value = quantity(e.getValue());
        if (key.contains("series")) {
          share = Math.max(share, value / (value + 50_000));
        } else if (key.contains("rate") || key.contains("rps") || key.contains("qps")) {
          share = Math.max(share, value / (value + 5_000));
        }
      }
    }
    return share < 0 ? DEFAULT_LOAD : share;
  }
}
