package io.illm.lab.dsl;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Transport;
import io.illm.lab.model.names.ExperimentNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Targets that differ only in where they run and which variant of the system under test they
 * deploy: every variant times every cluster (times every value of a parameter), each a target named
 * {@code <variant>-<cluster>[-<value>]}, e.g. {@code vm-gke}. The criteria and comparisons between
 * variants are made over the matrix in one call each, pairing the cells that differ in the variant
 * only (same cluster, same parameter value): {@code expect("memory").of("vm").below("prom")} gives
 * one criterion per cluster. The experiment's YAML lists every target, criterion and comparison.
 * Immutable; made with {@link Lab#matrix()}.
 */
public final class TargetMatrix {

  static final TargetMatrix EMPTY = new TargetMatrix(Map.of(), Map.of(), List.of(Level.NONE), null);

  private final Map<String, ClusterShape> clusters;
  private final Map<String, List<Deployment>> variants;
  private final List<Level> levels;
  private final Transport observability;

  private TargetMatrix(
      Map<String, ClusterShape> clusters,
      Map<String, List<Deployment>> variants,
      List<Level> levels,
      Transport observability) {
    this.clusters = clusters;
    this.variants = variants;
    this.levels = levels;
    this.observability = observability;
  }

  /** A value of a parameter axis: its name part and what it does to a variant's deployments. */
  private record Level(String label, UnaryOperator<List<Deployment>> apply) {
    static final Level NONE = new Level(null, UnaryOperator.identity());
  }

  /** One target of the matrix. */
  private record Cell(String name, String variant, String cluster, String level) {}

  /**
   * Clusters, each named after its provider ({@code gke}, {@code eks}, {@code aks}, {@code hub}).
   *
   * @throws IllegalArgumentException when two have the same provider (name them with {@link
   *     #on(String, ClusterShape)})
   */
  public TargetMatrix on(ClusterShape... clusters) {
    TargetMatrix matrix = this;
    for (ClusterShape cluster : clusters) {
      matrix = matrix.on(cluster.spec().getProvider().value(), cluster);
    }
    return matrix;
  }

  /**
   * A cluster with its name part, e.g. {@code on("gke-arm", gke("t2a-standard-4"))}.
   *
   * @throws IllegalArgumentException when the name part is empty or already used
   */
  public TargetMatrix on(String label, ClusterShape cluster) {
    Map<String, ClusterShape> more = new LinkedHashMap<>(clusters);
    if (more.putIfAbsent(part(label, "cluster"), Objects.requireNonNull(cluster)) != null) {
      throw new IllegalArgumentException(
          "the matrix has a cluster named \"" + part(label, "cluster") + "\" already");
    }
    return new TargetMatrix(more, variants, levels, observability);
  }

  /**
   * A variant of what is deployed on every cluster, with its name part, e.g. {@code variant("vm",
   * VICTORIA_METRICS, LOAD)}.
   *
   * @throws IllegalArgumentException when the name part is empty or already used
   */
  public TargetMatrix variant(String label, Deployable... components) {
    List<Deployment> deployments = new ArrayList<>();
    for (Deployable component : components) {
      deployments.add(component.deployment());
    }
    Map<String, List<Deployment>> more = new LinkedHashMap<>(variants);
    if (more.putIfAbsent(part(label, "variant"), List.copyOf(deployments)) != null) {
      throw new IllegalArgumentException(
          "the matrix has a variant named \"" + part(label, "variant") + "\" already");
    }
    return new TargetMatrix(clusters, more, levels, observability);
  }

  /**
   * An axis of parameter values: every cell once per value, set on the variant's components that
   * declare the parameter (on all of them when none does, so that {@code build()} reports it); the
   * value is the last part of the name ({@code vm-gke-7d}). One axis per matrix.
   *
   * @throws IllegalArgumentException without values, with a second axis, or when two values give
   *     the same name part
   */
  @SafeVarargs
  public final <T> TargetMatrix parameter(Param<T> param, T... values) {
    if (levels.get(0) != Level.NONE || values.length == 0) {
      throw new IllegalArgumentException(
          "a matrix takes one parameter axis with at least one value; "
              + param.name()
              + " has "
              + values.length);
    }
    List<Level> axis = new ArrayList<>();
    for (T value : values) {
      String label = part(String.valueOf(value), "value of " + param.name());
      if (axis.stream().anyMatch(l -> l.label().equals(label))) {
        throw new IllegalArgumentException(
            "two values of " + param.name() + " give the name part \"" + label + "\"");
      }
      axis.add(new Level(label, deployments -> set(deployments, param, value)));
    }
    return new TargetMatrix(clusters, variants, List.copyOf(axis), observability);
  }

  /**
   * Metrics backhaul to the hub from every target, over a transport.
   *
   * <p>Default: disabled.
   */
  public TargetMatrix observability(Transport transport) {
    return new TargetMatrix(clusters, variants, levels, transport);
  }

  /**
   * The name of the target running {@code variant} on {@code cluster} (with the parameter value
   * {@code value} when there is an axis), e.g. {@code name("vm", "gke")} is {@code vm-gke}.
   */
  public String name(String variant, String cluster, String... value) {
    return cells().stream()
        .filter(c -> c.variant().equals(variant) && c.cluster().equals(cluster))
        .filter(c -> value.length == 0 || value[0].equals(c.level()))
        .map(Cell::name)
        .findFirst()
        .orElseThrow(() -> unknown("cell", variant + " on " + cluster, names()));
  }

  /** Every target's name, variant by variant, cluster by cluster, value by value. */
  public List<String> names() {
    return cells().stream().map(Cell::name).toList();
  }

  /** A criterion per pair of cells that differ in the variant only: {@code of("vm")} next. */
  public VariantExpectations expect(String metric) {
    return new VariantExpectations(this, metric, null);
  }

  /**
   * The comparisons of one variant's cells with another's (the baseline), pair by pair: {@code
   * compare("vm").against("prom")}.
   */
  public VariantComparison compare(String variant) {
    return new VariantComparison(this, variant(variant), List.of());
  }

  /** Fresh target builders, one per cell. */
  List<TargetDef> targets() {
    List<TargetDef> targets = new ArrayList<>();
    for (Cell cell : cells()) {
      TargetDef target = new TargetDef(cell.name()).on(clusters.get(cell.cluster()));
      level(cell).apply().apply(variants.get(cell.variant())).forEach(target::deploy);
      if (observability != null) {
        target.observability(observability);
      }
      targets.add(target);
    }
    return targets;
  }

  private List<Cell> cells() {
    if (clusters.isEmpty() || variants.isEmpty()) {
      throw new IllegalStateException(
          "a matrix needs at least one cluster (on) and one variant (variant)");
    }
    List<Cell> cells = new ArrayList<>();
    for (String variant : variants.keySet()) {
      for (String cluster : clusters.keySet()) {
        for (Level level : levels) {
          String name =
              variant + "-" + cluster + (level.label() == null ? "" : "-" + level.label());
          cells.add(
              new Cell(
                  ExperimentNames.fit(name, ExperimentNames.MAX_LABEL),
                  variant,
                  cluster,
                  level.label()));
        }
      }
    }
    return cells;
  }

  /** Pairs of cell names (compared, other) that differ in the variant only. */
  private List<String[]> pairs(String compared, String other) {
    List<String[]> pairs = new ArrayList<>();
    List<Cell> cells = cells();
    for (Cell b : cells) {
      for (Cell a : cells) {
        if (b.variant().equals(compared)
            && a.variant().equals(other)
            && a.cluster().equals(b.cluster())
            && Objects.equals(a.level(), b.level())) {
          pairs.add(new String[] {b.name(), a.name()});
        }
      }
    }
    return pairs;
  }

  private Level level(Cell cell) {
    return levels.stream()
        .filter(l -> Objects.equals(l.label(), cell.level()))
        .findFirst()
        .orElseThrow();
  }

  private String variant(String label) {
    if (!variants.containsKey(label)) {
      throw unknown("variant", label, List.copyOf(variants.keySet()));
    }
    return label;
  }

  private static <T> List<Deployment> set(List<Deployment> deployments, Param<T> param, T value) {
    boolean declared =
        deployments.stream().anyMatch(d -> d.component() != null && d.component().declares(param));
    return deployments.stream()
        .map(
            d ->
                !declared || (d.component() != null && d.component().declares(param))
                    ? d.with(param, value)
                    : d)
        .toList();
  }

  /** A name part: lowercase letters, digits and single dashes. */
  static String part(String label, String what) {
    String slug =
        Objects.requireNonNull(label, what)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(
          "the " + what + " \"" + label + "\" gives no name part (use letters or digits)");
    }
    return slug;
  }

  private static IllegalArgumentException unknown(String what, String name, List<String> known) {
    return new IllegalArgumentException(
        "the matrix has no "
            + what
            + " \""
            + name
            + "\" (it has: "
            + String.join(", ", known)
            + ")");
  }

  /** {@code expect("memory")} over a matrix: {@link #of} names the variant compared. */
  public static final class VariantExpectations {

    private final TargetMatrix matrix;
    private final String metric;
    private final String variant;

    VariantExpectations(TargetMatrix matrix, String metric, String variant) {
      this.matrix = matrix;
      this.metric = metric;
      this.variant = variant;
    }

    /** The variant whose cells are judged, each against its pair in the other variant. */
    public VariantExpectations of(String variant) {
      return new VariantExpectations(matrix, metric, matrix.variant(variant));
    }

    /** Each cell of the variant below its pair of {@code other} (lt). */
    public Criteria below(String other) {
      return criteria(ComparisonOperator.LT, null, other);
    }

    /** Each cell of the variant at most its pair of {@code other} (lte). */
    public Criteria atMost(String other) {
      return criteria(ComparisonOperator.LTE, null, other);
    }

    /** Each cell of the variant above its pair of {@code other} (gt). */
    public Criteria above(String other) {
      return criteria(ComparisonOperator.GT, null, other);
    }

    /** Each cell of the variant at least its pair of {@code other} (gte). */
    public Criteria atLeast(String other) {
      return criteria(ComparisonOperator.GTE, null, other);
    }

    /** Below a multiple of the pair's value: {@code below(0.5).times("prom")}. */
    public Multiple below(double factor) {
      return new Multiple(this, ComparisonOperator.LT, factor);
    }

    /** At most a multiple of the pair's value: {@code atMost(0.8).times("prom")}. */
    public Multiple atMost(double factor) {
      return new Multiple(this, ComparisonOperator.LTE, factor);
    }

    /** Above a multiple of the pair's value: {@code above(2).times("prom")}. */
    public Multiple above(double factor) {
      return new Multiple(this, ComparisonOperator.GT, factor);
    }

    /** At least a multiple of the pair's value: {@code atLeast(1.2).times("prom")}. */
    public Multiple atLeast(double factor) {
      return new Multiple(this, ComparisonOperator.GTE, factor);
    }

    Criteria criteria(ComparisonOperator operator, Double factor, String other) {
      if (variant == null) {
        throw new IllegalStateException(
            "name the variant judged first: expect(\"" + metric + "\").of(\"...\")");
      }
      List<Criterion> criteria = new ArrayList<>();
      for (String[] pair : matrix.pairs(variant, matrix.variant(other))) {
        criteria.add(Criterion.comparative(metric, operator, pair[0], factor, pair[1]));
      }
      return new Criteria(criteria);
    }
  }

  /** A comparison with a multiple of the pair's value, waiting for the variant: {@link #times}. */
  public static final class Multiple {

    private final VariantExpectations expectations;
    private final ComparisonOperator operator;
    private final double factor;

    Multiple(VariantExpectations expectations, ComparisonOperator operator, double factor) {
      this.expectations = expectations;
      this.operator = operator;
      this.factor = factor;
    }

    /** The variant whose cells' values are multiplied. */
    public Criteria times(String other) {
      return expectations.criteria(operator, factor, other);
    }
  }

  /** {@code compare("vm")} over a matrix; {@link #against} names the baseline variant. */
  public static final class VariantComparison {

    private final TargetMatrix matrix;
    private final String variant;
    private final List<String> metrics;

    VariantComparison(TargetMatrix matrix, String variant, List<String> metrics) {
      this.matrix = matrix;
      this.variant = variant;
      this.metrics = List.copyOf(metrics);
    }

    /**
     * The per-target metrics compared; repeat or pass several.
     *
     * <p>Default: every per-target metric that says which direction is better.
     */
    public VariantComparison metrics(String... metrics) {
      List<String> more = new ArrayList<>(this.metrics);
      more.addAll(List.of(metrics));
      return new VariantComparison(matrix, variant, more);
    }

    /** One comparison per cell of the variant, with its pair in {@code baseline} as baseline. */
    public List<ComparisonDef> against(String baseline) {
      List<ComparisonDef> comparisons = new ArrayList<>();
      for (String[] pair : matrix.pairs(variant, matrix.variant(baseline))) {
        comparisons.add(new ComparisonDef(pair[1], List.of(pair[0]), metrics));
      }
      return comparisons;
    }
  }
}
