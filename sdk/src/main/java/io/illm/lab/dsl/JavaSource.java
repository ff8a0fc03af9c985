package io.illm.lab.dsl;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders model objects (as the importer makes them from YAML) into DSL Java source: one class with
 * a {@code public static Experiment build()} (or {@code Component build()}) that, compiled and run,
 * gives back an object whose YAML ({@link io.illm.lab.yaml.LabYaml#write}) is byte-identical to the
 * input's. Components the experiment deploys are referenced by name ({@link Lab#app}), since
 * imported files have no Java values for them. The status is not rendered.
 *
 * <p>What the DSL cannot say exactly is refused, not approximated: a field the DSL has no method
 * for (e.g. {@code metadata.generateName}), an empty object such as {@code deadlines: {}}, or a
 * duration not in canonical form ({@code 90m} comes back as {@code 1h30m}). The {@link
 * InvalidInputException} names every such field.
 */
public final class JavaSource {

  private static final String INDENT = "    ";

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> imports = new TreeSet<>();

  private JavaSource(String file) {
    this.file = file;
  }

  /**
   * Java source of a class {@code packageName.className} whose {@code build()} returns the
   * experiment.
   *
   * @throws InvalidInputException naming every field the DSL cannot reproduce exactly
   */
  public static String experiment(String packageName, String className, Experiment experiment) {
    String name = experiment.getMetadata() == null ? null : experiment.getMetadata().getName();
    JavaSource source = new JavaSource("experiments/" + name);
    source.imports.add("io.illm.lab.model.Experiment");
    String body = source.experimentExpression(experiment);
    return source.finish(
        packageName, className, "Experiment", "The experiment " + name + ".", body);
  }

  /**
   * Java source of a class {@code packageName.className} whose {@code build()} returns the
   * component.
   *
   * @throws InvalidInputException naming every field the DSL cannot reproduce exactly
   */
  public static String component(String packageName, String className, Component component) {
    String name = component.getMetadata() == null ? null : component.getMetadata().getName();
    JavaSource source = new JavaSource("components/" + name);
    source.imports.add("io.illm.lab.model.Component");
    String body = source.componentExpression(component);
    return source.finish(packageName, className, "Component", "The component " + name + ".", body);
  }

  /**
   * A class name for an object name: {@code tsdb-comparison} gives {@code TsdbComparison}, {@code
   * 3-tier} gives {@code _3Tier}; characters a Java name cannot hold are dropped.
   */
  public static String className(String objectName) {
    StringBuilder out = new StringBuilder();
    for (String part : objectName.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  private String finish(
      String packageName, String className, String type, String doc, String body) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(file + " cannot be rendered as Java", problems);
    }
    StringBuilder out = new StringBuilder();
    if (packageName != null && !packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n\n");
    }
    out.append("import static io.illm.lab.dsl.Lab.*;\n\n");
    for (String name : imports) {
      out.append("import ").append(name).append(";\n");
    }
    out.append("\n/** ")
        .append(doc.replace("*/", "*&#47;"))
        .append(" */\n")
        .append("public final class ")
        .append(className)
        .append(" {\n\n")
        .append("  private ")
        .append(className)
        .append("() {}\n\n")
        .append("  /** Builds and checks it. */\n")
        .append("  public static ")
        .append(type)
        .append(" build() {\n")
        .append("    return ")
        .append(body)
        .append("\n")
        .append("        .build();\n")
        .append("  }\n")
        .append("}\n");
    return out.toString();
  }

  private void refuse(String path, String what) {
    problems.add(
        Problem.error(
            file,
            path,
            what + " cannot be said in the DSL",
            "edit the YAML (or write the Java by hand) and import again"));
  }

  // ---- experiments

  private String experimentExpression(Experiment experiment) {
    Chain chain = new Chain("experiment(" + str(metadataName(experiment.getMetadata())) + ")", 2);
    ObjectMeta meta = experiment.getMetadata();
    if (meta != null) {
      chain.callIf(meta.getNamespace(), v -> "namespace(" + str(v) + ")");
      entries(meta.getLabels())
          .forEach((k, v) -> chain.call("label(" + str(k) + ", " + str(v) + ")"));
      entries(meta.getAnnotations())
          .forEach((k, v) -> chain.call("annotation(" + str(k) + ", " + str(v) + ")"));
    }
    ExperimentSpec spec = experiment.getSpec();
    if (spec == null) {
      refuse("spec", "an experiment without a spec");
      return chain.toString();
    }
    chain.callIf(spec.getTitle(), v -> "title(" + str(v) + ")");
    chain.callIf(spec.getDescription(), v -> "describe(" + str(v) + ")");
    if (notEmpty(spec.getTags())) {
      chain.call("tag(" + strs(spec.getTags()) + ")");
    }
    chain.callIf(spec.getPublish(), v -> v ? "publish()" : "publish(false)");
    if (spec.getHypothesis() != null) {
      chain.call(
          "hypothesis("
              + new ExperimentParts(this).hypothesis(spec.getHypothesis(), chain.depth + 1)
              + ")");
    }
    ExperimentParts parts = new ExperimentParts(this);
    if (spec.getTargets() != null) {
      for (int i = 0; i < spec.getTargets().size(); i++) {
        chain.call(
            "target("
                + parts.target(spec.getTargets().get(i), "spec.targets[" + i + "]", chain.depth + 1)
                + ")");
      }
    }
    parts.workflow(spec.getWorkflow(), chain);
    parts.metrics(spec.getMetrics(), chain);
    parts.rest(spec, chain);
    return chain.toString();
  }

  String metadataName(ObjectMeta meta) {
    if (meta == null) {
      refuse("metadata.name", "an object without a name");
      return null;
    }
    ObjectMeta known = new ObjectMeta();
    known.setName(meta.getName());
    known.setNamespace(meta.getNamespace());
    known.setLabels(meta.getLabels());
    known.setAnnotations(meta.getAnnotations());
    if (!normalized(known).equals(normalized(meta))) {
      refuse("metadata", "metadata other than name, namespace, labels and annotations");
    }
    if (meta.getName() == null) {
      refuse("metadata.name", "an object without a name");
    }
    return meta.getName();
  }

  private static String normalized(ObjectMeta meta) {
    return io.illm.lab.yaml.LabYaml.write(meta);
  }

  // ---- components

  private String componentExpression(Component component) {
    ComponentSpec spec = component.getSpec();
    String category = spec == null || spec.getCategory() == null ? null : spec.getCategory().name();
    if (category == null) {
      refuse("spec.category", "a component without a category");
    }
    imports.add("io.illm.lab.model.Category");
    ObjectMeta meta = component.getMetadata();
    Chain chain =
        new Chain("component(" + str(metadataName(meta)) + ", Category." + category + ")", 2);
    if (meta != null && meta.getNamespace() != null) {
      refuse("metadata.namespace", "a namespace on a cluster-scoped Component");
    }
    if (meta != null) {
      entries(meta.getLabels())
          .forEach((k, v) -> chain.call("label(" + str(k) + ", " + str(v) + ")"));
      entries(meta.getAnnotations())
          .forEach((k, v) -> chain.call("annotation(" + str(k) + ", " + str(v) + ")"));
    }
    if (spec != null) {
      new ComponentParts(this).render(spec, chain);
    }
    return chain.toString();
  }

  // ---- shared pieces, package-private for the parts classes

  void use(String qualifiedName) {
    imports.add(qualifiedName);
  }

  String duration(String path, String text) {
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      refuse(path, "the duration \"" + text + "\"");
      return "Duration.ZERO";
    }
    if (!Durations.format(duration).equals(text)) {
      refuse(
          path,
          "the non-canonical duration \""
              + text
              + "\" (it would come back as "
              + Durations.format(duration)
              + ")");
    }
    imports.add("java.time.Duration");
    long seconds = duration.getSeconds();
    if (seconds != 0 && seconds % 3600 == 0) {
      return "Duration.ofHours(" + seconds / 3600 + ")";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return "Duration.ofMinutes(" + seconds / 60 + ")";
    }
    return "Duration.ofSeconds(" + seconds + ")";
  }

  void refuseAt(String path, String what) {
    refuse(path, what);
  }

  static String cluster(ClusterSpec cluster) {
    Provider provider = cluster.getProvider();
    String machine = cluster.getMachineType() == null ? "" : str(cluster.getMachineType());
    return provider.value() + "(" + machine + ")";
  }

  static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }

  static Map<String, String> entries(Map<String, String> map) {
    return map == null ? Map.of() : new TreeMap<>(map);
  }

  static String strs(List<String> values) {
    List<String> literals = new ArrayList<>();
    values.forEach(v -> literals.add(str(v)));
    return String.join(", ", literals);
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(value);
  }

  /**
   * A Java string literal. Control characters use octal escapes and non-ASCII ones {@code \\uXXXX}:
   * a {@code \\u000a} would end the line before the compiler sees the literal.
   */
  static String str(String value) {
    if (value == null) {
      return "(String) null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A method chain, one call per line, indented under its head. */
  static final class Chain {
    private final StringBuilder text;
    final int depth;

    Chain(String head, int depth) {
      this.text = new StringBuilder(head);
      this.depth = depth;
    }

    void call(String call) {
      text.append('\n').append(INDENT.repeat(depth)).append('.').append(call);
    }

    <T> void callIf(T value, java.util.function.Function<T, String> call) {
      if (value != null) {
        call(call.apply(value));
      }
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  static String ref(ComponentRef ref, JavaSource source, String path, int depth) {
    int set =
        (ref.getApp() != null ? 1 : 0)
            + (ref.getWorkflow() != null ? 1 : 0)
            + (ref.getConfig() != null ? 1 : 0);
    if (set != 1) {
      source.refuse(path, "a component reference with " + set + " of app, workflow and config");
    }
    String head =
        ref.getApp() != null
            ? "app(" + str(ref.getApp()) + ")"
            : ref.getWorkflow() != null
                ? "workflowRef(" + str(ref.getWorkflow()) + ")"
                : "config(" + str(ref.getConfig()) + ")";
    Chain chain = new Chain(head, depth);
    entries(ref.getParams()).forEach((k, v) -> chain.call("with(" + str(k) + ", " + str(v) + ")"));
    return chain.toString();
  }
}
