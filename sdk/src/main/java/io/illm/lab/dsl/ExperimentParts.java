package io.illm.lab.dsl;

import static io.illm.lab.dsl.JavaSource.entries;
import static io.illm.lab.dsl.JavaSource.notEmpty;
import static io.illm.lab.dsl.JavaSource.number;
import static io.illm.lab.dsl.JavaSource.str;
import static io.illm.lab.dsl.JavaSource.strs;

import io.illm.lab.dsl.JavaSource.Chain;
import io.illm.lab.model.Better;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.model.Tutorial;
import io.illm.lab.model.TutorialService;
import io.illm.lab.model.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;

/** The parts of an experiment's spec, rendered for {@link JavaSource}. */
final class ExperimentParts {

  private final JavaSource source;

  ExperimentParts(JavaSource source) {
    this.source = source;
  }

  String hypothesis(Hypothesis hypothesis, int depth) {
    Chain chain = new Chain("hypothesis(" + str(hypothesis.getClaim()) + ")", depth);
    if (hypothesis.getQuestions() != null) {
      hypothesis.getQuestions().forEach(q -> chain.call("question(" + str(q) + ")"));
    }
    if (hypothesis.getFocus() != null) {
      hypothesis.getFocus().forEach(f -> chain.call("focus(" + str(f) + ")"));
    }
    List<SuccessCriterion> criteria = hypothesis.getSuccessCriteria();
    for (int i = 0; criteria != null && i < criteria.size(); i++) {
      chain.call(
          "criterion("
              + criterion(criteria.get(i), "spec.hypothesis.successCriteria[" + i + "]")
              + ")");
    }
    return chain.toString();
  }

  private String criterion(SuccessCriterion criterion, String path) {
    if (criterion.getThan() != null) {
      return comparative(criterion, path);
    }
    if (criterion.getOperator() == null || criterion.getValue() == null) {
      source.refuseAt(path, "a criterion without operator or value");
      return "expect(" + str(criterion.getMetric()) + ").below(0)";
    }
    if (criterion.getFactor() != null) {
      source.refuseAt(path + ".factor", "a factor without than");
    }
    StringBuilder text =
        new StringBuilder(
            "expect("
                + str(criterion.getMetric())
                + ")."
                + verb(criterion)
                + "("
                + number(criterion.getValue())
                + ")");
    if (criterion.getTarget() != null) {
      text.append(".target(").append(str(criterion.getTarget())).append(')');
    }
    return described(text, criterion);
  }

  /** {@code expect("m").of("b").below("a")} or {@code ...atMost(0.8).times("a")}. */
  private String comparative(SuccessCriterion criterion, String path) {
    if (criterion.getOperator() == null || criterion.getTarget() == null) {
      source.refuseAt(path, "a comparative criterion without operator or target");
      return "expect(" + str(criterion.getMetric()) + ").below(0)";
    }
    if (criterion.getValue() != null) {
      source.refuseAt(path + ".value", "a criterion with both value and than");
    }
    StringBuilder text =
        new StringBuilder(
            "expect("
                + str(criterion.getMetric())
                + ").of("
                + str(criterion.getTarget())
                + ")."
                + verb(criterion));
    if (criterion.getFactor() == null) {
      text.append('(').append(str(criterion.getThan())).append(')');
    } else {
      text.append('(')
          .append(number(criterion.getFactor()))
          .append(").times(")
          .append(str(criterion.getThan()))
          .append(')');
    }
    return described(text, criterion);
  }

  private static String verb(SuccessCriterion criterion) {
    return switch (criterion.getOperator()) {
      case LT -> "below";
      case LTE -> "atMost";
      case GT -> "above";
      case GTE -> "atLeast";
    };
  }

  private static String described(StringBuilder text, SuccessCriterion criterion) {
    if (criterion.getDescription() != null) {
      text.append(".describe(").append(str(criterion.getDescription())).append(')');
    }
    return text.toString();
  }

  String target(Target target, String path, int depth) {
    Chain chain = new Chain("target(" + str(target.getName()) + ")", depth);
    if (target.getCluster() != null) {
      chain.call("on(" + cluster(target.getCluster(), path + ".cluster") + ")");
    }
    if (notEmpty(target.getComponents())) {
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < target.getComponents().size(); i++) {
        String refPath = path + ".components[" + i + "]";
        entries(target.getComponents().get(i).getParams())
            .forEach(
                (k, v) -> {
                  if (v == null) {
                    source.refuseAt(refPath + ".params", "a parameter without a value");
                  }
                });
        refs.add(JavaSource.ref(target.getComponents().get(i), source, refPath, depth + 2));
      }
      chain.call("deploy(" + String.join(",\n" + "    ".repeat(depth + 1), refs) + ")");
    }
    if (target.getObservability() != null) {
      boolean enabled = target.getObservability().isEnabled();
      String transport =
          target.getObservability().getTransport() == null
              ? null
              : "Transport." + target.getObservability().getTransport().name();
      if (transport != null) {
        source.use("io.illm.lab.model.Transport");
      }
      chain.call(
          !enabled
              ? "observability(false, " + (transport == null ? "null" : transport) + ")"
              : transport == null ? "observability()" : "observability(" + transport + ")");
    }
    if (notEmpty(target.getDepends())) {
      chain.call("depends(" + strs(target.getDepends()) + ")");
    }
    return chain.toString();
  }

  private String cluster(ClusterSpec cluster, String path) {
    Provider provider = cluster.getProvider();
    if (provider == null) {
      source.refuseAt(path + ".provider", "a cluster without a provider");
      return "hub()";
    }
    if (provider == Provider.HUB) {
      if (!new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null)
          .equals(cluster)) {
        source.refuseAt(path, "a hub cluster with a machine shape");
      }
      return "hub()";
    }
    StringBuilder text = new StringBuilder(JavaSource.cluster(cluster));
    if (cluster.getPreemptible() != null) {
      text.append(cluster.getPreemptible() ? ".spot()" : ".spot(false)");
    }
    append(text, "zone", cluster.getZone() == null ? null : str(cluster.getZone()));
    append(text, "region", cluster.getRegion() == null ? null : str(cluster.getRegion()));
    append(
        text, "nodes", cluster.getNodeCount() == null ? null : cluster.getNodeCount().toString());
    append(
        text, "disk", cluster.getDiskSizeGb() == null ? null : cluster.getDiskSizeGb().toString());
    append(
        text,
        "kubernetes",
        cluster.getKubernetesVersion() == null ? null : str(cluster.getKubernetesVersion()));
    return text.toString();
  }

  private static void append(StringBuilder text, String method, String argument) {
    if (argument != null) {
      text.append('.').append(method).append('(').append(argument).append(')');
    }
  }

  void workflow(WorkflowSpec workflow, Chain chain) {
    if (workflow == null) {
      return;
    }
    Chain call = new Chain("workflow(" + str(workflow.getTemplate()) + ")", chain.depth + 1);
    entries(workflow.getParams())
        .forEach((k, v) -> call.call("param(" + str(k) + ", " + str(v) + ")"));
    chain.call("workflow(" + call + ")");
    if (workflow.getCompletion() != null) {
      if (workflow.getCompletion().getMode() == null) {
        source.refuseAt("spec.workflow.completion", "a completion without a mode");
      } else {
        source.use("io.illm.lab.model.CompletionMode");
        chain.call("completeOn(CompletionMode." + workflow.getCompletion().getMode().name() + ")");
      }
    }
  }

  void metrics(MetricsSpec metrics, Chain chain) {
    if (metrics == null) {
      return;
    }
    List<MetricQuery> queries = metrics.getQueries();
    if (!notEmpty(queries)
        && metrics.getOnEmpty() == null
        && metrics.getRepetitions() == null
        && !notEmpty(metrics.getComparisons())) {
      source.refuseAt("spec.metrics", "an empty metrics object");
    }
    for (int i = 0; queries != null && i < queries.size(); i++) {
      chain.call("metric(" + metric(queries.get(i), chain.depth + 1) + ")");
    }
    if (metrics.getOnEmpty() != null) {
      source.use("io.illm.lab.model.EmptyResult");
      chain.call("metricsOnEmpty(EmptyResult." + metrics.getOnEmpty().name() + ")");
    }
    if (metrics.getRepetitions() != null) {
      chain.call("repetitions(" + metrics.getRepetitions() + ")");
    }
    List<TargetComparison> comparisons = metrics.getComparisons();
    for (int i = 0; comparisons != null && i < comparisons.size(); i++) {
      chain.call(
          "compare(" + comparison(comparisons.get(i), "spec.metrics.comparisons[" + i + "]") + ")");
    }
  }

  /** {@code baseline("a").targets("b").metrics("m")}. */
  private String comparison(TargetComparison comparison, String path) {
    if (comparison == null || comparison.getBaseline() == null) {
      source.refuseAt(path, "a comparison without a baseline");
      return "baseline(\"\")";
    }
    if (comparison.getTargets() != null && comparison.getTargets().isEmpty()) {
      source.refuseAt(path + ".targets", "an empty list of targets");
    }
    if (comparison.getMetrics() != null && comparison.getMetrics().isEmpty()) {
      source.refuseAt(path + ".metrics", "an empty list of metrics");
    }
    StringBuilder text = new StringBuilder("baseline(" + str(comparison.getBaseline()) + ")");
    if (notEmpty(comparison.getTargets())) {
      text.append(".targets(").append(strs(comparison.getTargets())).append(')');
    }
    if (notEmpty(comparison.getMetrics())) {
      text.append(".metrics(").append(strs(comparison.getMetrics())).append(')');
    }
    return text.toString();
  }

  private String metric(MetricQuery query, int depth) {
    Chain chain = new Chain("metric(" + str(query.getName()) + ")", depth);
    chain.callIf(query.getQuery(), v -> "promql(" + str(v) + ")");
    chain.callIf(query.getType(), v -> v.name().toLowerCase(java.util.Locale.ROOT) + "()");
    chain.callIf(query.getUnit(), v -> "unit(" + str(v) + ")");
    chain.callIf(query.getDescription(), v -> "describe(" + str(v) + ")");
    chain.callIf(query.getGroup(), v -> "group(" + str(v) + ")");
    chain.callIf(query.getPerTarget(), v -> v ? "perTarget()" : "perTarget(false)");
    if (query.getOnEmpty() != null) {
      source.use("io.illm.lab.model.EmptyResult");
      chain.call("onEmpty(EmptyResult." + query.getOnEmpty().name() + ")");
    }
    if (query.getBetter() != null) {
      chain.call(query.getBetter() == Better.LOWER ? "lowerIsBetter()" : "higherIsBetter()");
    }
    return chain.toString();
  }

  void rest(ExperimentSpec spec, Chain chain) {
    QualityGate gate = spec.getQualityGate();
    if (gate != null) {
      StringBuilder text = new StringBuilder("qualityGate()");
      append(text, "enabled", gate.getEnabled() == null ? null : gate.getEnabled().toString());
      append(
          text,
          "maxIterations",
          gate.getMaxIterations() == null ? null : gate.getMaxIterations().toString());
      append(
          text,
          "minDataCoverage",
          gate.getMinDataCoverage() == null ? null : number(gate.getMinDataCoverage()));
      append(
          text,
          "recollectDelay",
          gate.getRecollectDelay() == null
              ? null
              : source.duration("spec.qualityGate.recollectDelay", gate.getRecollectDelay()));
      chain.call("qualityGate(" + text + ")");
    }
    deadlines(spec.getDeadlines(), chain);
    if (spec.getCleanup() != null) {
      CleanupRule complete = spec.getCleanup().getOnComplete();
      CleanupRule failure = spec.getCleanup().getOnFailure();
      if (complete == null && failure == null) {
        source.refuseAt("spec.cleanup", "an empty cleanup object");
      }
      if (complete != null) {
        chain.call("cleanupOnComplete(" + cleanup(complete, "spec.cleanup.onComplete") + ")");
      }
      if (failure != null) {
        chain.call("cleanupOnFailure(" + cleanup(failure, "spec.cleanup.onFailure") + ")");
      }
    }
    if (spec.getBudget() != null) {
      if (spec.getBudget().getMaxUSD() == null) {
        source.refuseAt("spec.budget", "a budget without maxUSD");
      } else {
        chain.call("budget(" + number(spec.getBudget().getMaxUSD()) + ")");
      }
    }
    if (spec.getTutorial() != null) {
      chain.call("tutorial(" + tutorial(spec.getTutorial(), chain.depth + 1) + ")");
    }
  }

  /** {@code tutorial().exposeKubeconfig().service("grafana", "app", "grafana", 80)}. */
  private String tutorial(Tutorial tutorial, int depth) {
    Chain chain = new Chain("tutorial()", depth);
    if (Boolean.FALSE.equals(tutorial.getExposeKubeconfig())) {
      source.refuseAt("spec.tutorial.exposeKubeconfig", "exposeKubeconfig: false (leave it out)");
    }
    if (tutorial.exposesKubeconfig()) {
      chain.call("exposeKubeconfig()");
    }
    List<TutorialService> services =
        tutorial.getServices() == null ? List.of() : tutorial.getServices();
    for (int i = 0; i < services.size(); i++) {
      TutorialService s = services.get(i);
      if (s.getPort() == null) {
        source.refuseAt("spec.tutorial.services[" + i + "].port", "a service without a port");
        continue;
      }
      String head = str(s.getName()) + ", " + str(s.getTarget()) + ", " + str(s.getService());
      chain.call(
          s.getNamespace() == null && s.getPath() == null
              ? "service(" + head + ", " + s.getPort() + ")"
              : "service("
                  + head
                  + ", "
                  + str(s.getNamespace())
                  + ", "
                  + s.getPort()
                  + ", "
                  + str(s.getPath())
                  + ")");
    }
    return chain.toString();
  }

  private void deadlines(Deadlines deadlines, Chain chain) {
    if (deadlines == null) {
      return;
    }
    String[][] fields = {
      {"provisioning", deadlines.getProvisioning()},
      {"deploying", deadlines.getDeploying()},
      {"running", deadlines.getRunning()},
      {"collecting", deadlines.getCollecting()},
      {"total", deadlines.getTotal()},
    };
    boolean any = false;
    for (String[] field : fields) {
      if (field[1] != null) {
        any = true;
        chain.call(
            field[0] + "Deadline(" + source.duration("spec.deadlines." + field[0], field[1]) + ")");
      }
    }
    if (!any) {
      source.refuseAt("spec.deadlines", "an empty deadlines object");
    }
  }

  private String cleanup(CleanupRule rule, String path) {
    if (rule.getAction() == null) {
      source.refuseAt(path + ".action", "a cleanup rule without an action");
      return "delete()";
    }
    return switch (rule.getAction()) {
      case DELETE -> {
        if (rule.getRetainFor() != null) {
          source.refuseAt(path + ".retainFor", "retainFor with action delete");
        }
        yield "delete()";
      }
      case RETAIN ->
          rule.getRetainFor() == null
              ? "retain()"
              : "retain(" + source.duration(path + ".retainFor", rule.getRetainFor()) + ")";
    };
  }
}
