package io.illm.lab.synth;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.rules.ComponentRefs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scenarios section of {@code docs/catalogue.md} ({@link CatalogueDoc}): per experiment its
 * title, the questions it asks and its claim, its targets (cluster and components) and the criteria
 * its verdict is judged on.
 */
final class ScenarioDoc {

  private ScenarioDoc() {}

  static String render(List<Experiment> experiments) {
    StringBuilder md = new StringBuilder("## Scenarios\n");
    if (experiments.isEmpty()) {
      return md.append("\nNo scenarios yet.\n").toString();
    }
    experiments.stream()
        .sorted(Comparator.comparing(e -> e.getMetadata().getName()))
        .forEach(e -> md.append('\n').append(scenario(e.getMetadata().getName(), e.getSpec())));
    return md.toString();
  }

  private static String scenario(String name, ExperimentSpec spec) {
    StringBuilder md = new StringBuilder("### ").append(name).append("\n\n");
    if (spec.getTitle() != null) {
      md.append("**").append(CatalogueDoc.oneLine(spec.getTitle())).append("**\n\n");
    }
    if (spec.getDescription() != null) {
      md.append(CatalogueDoc.oneLine(spec.getDescription())).append("\n\n");
    }
    Hypothesis hypothesis = spec.getHypothesis();
    md.append(hypothesis(hypothesis));
    md.append(targets(list(spec.getTargets())));
    md.append('\n').append(criteria(hypothesis));
    return md.toString();
  }

  /** The questions and the claim as a list, or nothing. */
  private static String hypothesis(Hypothesis hypothesis) {
    if (hypothesis == null) {
      return "";
    }
    StringBuilder md = new StringBuilder();
    for (String question : list(hypothesis.getQuestions())) {
      md.append("- question: ").append(CatalogueDoc.oneLine(question)).append('\n');
    }
    if (hypothesis.getClaim() != null) {
      md.append("- claim: ").append(CatalogueDoc.oneLine(hypothesis.getClaim())).append('\n');
    }
    return md.isEmpty() ? "" : md.append('\n').toString();
  }

  private static String targets(List<Target> targets) {
    StringBuilder md =
        new StringBuilder("| target | cluster | components | after |\n|---|---|---|---|\n");
    for (Target t : targets) {
      List<String> components = new ArrayList<>();
      list(t.getComponents()).forEach(ref -> components.add("`" + ComponentRefs.name(ref) + "`"));
      md.append(
          CatalogueDoc.row(
              t.getName(),
              cluster(t.getCluster()),
              components.isEmpty() ? "—" : String.join(", ", components),
              t.getDepends() == null || t.getDepends().isEmpty()
                  ? "—"
                  : String.join(", ", t.getDepends())));
    }
    return md.toString();
  }

  private static String cluster(ClusterSpec cluster) {
    if (cluster == null || cluster.getProvider() == null) {
      return "—";
    }
    List<String> parts = new ArrayList<>(List.of(cluster.getProvider().value()));
    parts.add(cluster.getMachineType() == null ? "default machine" : cluster.getMachineType());
    if (cluster.getNodeCount() != null) {
      parts.add(cluster.getNodeCount() + " nodes");
    }
    if (Boolean.TRUE.equals(cluster.getPreemptible())) {
      parts.add("spot");
    }
    return String.join(", ", parts);
  }

  private static String criteria(Hypothesis hypothesis) {
    List<SuccessCriterion> criteria =
        hypothesis == null ? List.of() : list(hypothesis.getSuccessCriteria());
    if (criteria.isEmpty()) {
      return "No criteria: the run is measured, not judged.\n";
    }
    StringBuilder md = new StringBuilder("| criterion | on | why |\n|---|---|---|\n");
    for (SuccessCriterion c : criteria) {
      md.append(
          CatalogueDoc.row(
              "`" + c.getMetric() + "` " + symbol(c.getOperator()) + " " + number(c.getValue()),
              c.getTarget() == null ? "every target" : c.getTarget(),
              c.getDescription() == null ? "" : c.getDescription()));
    }
    return md.toString();
  }

  private static String symbol(ComparisonOperator operator) {
    if (operator == null) {
      return "?";
    }
    return switch (operator) {
      case LT -> "<";
      case LTE -> "≤";
      case GT -> ">";
      case GTE -> "≥";
    };
  }

  /** 134217728.0 as 134217728, 0.25 as 0.25: the shortest exact text. */
  private static String number(Double value) {
    return value == null
        ? "?"
        : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
