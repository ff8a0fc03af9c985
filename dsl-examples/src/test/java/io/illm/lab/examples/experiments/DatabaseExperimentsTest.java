package io.illm.lab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.dsl.DbWriteLoad;
import io.illm.lab.dsl.HttpLoad;
import io.illm.lab.dsl.Unit;
import io.illm.lab.dsl.WorkflowTemplateDef;
import io.illm.lab.examples.workflows.DatabaseWorkflows;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.lifecycle.PhaseDeadlines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage benchmarks hold together: the load writes to every variant the metrics read and to
 * nothing else, each ratio a criterion judges divides the variants its name says in that order, the
 * deadlines contain the load and the budget the estimate.
 */
class DatabaseExperimentsTest {

  private static final Pattern APP = Pattern.compile("app=\"([a-z0-9-]+)\"");
  private static final Pattern RATIO = Pattern.compile("([a-z]+)_over_([a-z]+)_.*");

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            DbFsyncVsMemory.build(),
            DatabaseWorkflows.fsyncVsMemoryLoad(),
            DatabaseWorkflows.dbFsyncVsMemory(),
            Map.of("fsync", "naive-db-fsync", "nosync", "naive-db-nosync")),
        Arguments.of(
            DbDiskComparison.build(),
            DatabaseWorkflows.diskComparisonLoad(),
            DatabaseWorkflows.dbDiskComparison(),
            variants(DbDiskComparison.DISKS)),
        Arguments.of(
            DbStorageTiers.build(),
            DatabaseWorkflows.storageTiersLoad(),
            DatabaseWorkflows.dbStorageTiers(),
            variants(DbStorageTiers.DISKS)));
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theLoadWritesToEveryVariantTheMetricsReadAndToNothingElse(
      Experiment experiment,
      DbWriteLoad load,
      WorkflowTemplateDef template,
      Map<String, String> v) {
    Set<String> read = new TreeSet<>();
    for (MetricQuery query : queries(experiment)) {
      Matcher app = APP.matcher(query.getQuery());
      while (app.find()) {
        read.add(app.group(1));
      }
    }
    assertEquals(new TreeSet<>(load.services()), read, experiment.getMetadata().getName());
    assertEquals(
        experiment.getSpec().getWorkflow().getTemplate(), template.build().getMetadata().getName());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void eachRatioACriterionJudgesDividesWhatItsNameSays(
      Experiment experiment,
      DbWriteLoad load,
      WorkflowTemplateDef template,
      Map<String, String> v) {
    Map<String, MetricQuery> byName =
        queries(experiment).stream()
            .collect(Collectors.toMap(MetricQuery::getName, Function.identity()));
    List<SuccessCriterion> criteria = experiment.getSpec().getHypothesis().getSuccessCriteria();
    assertTrue(criteria.size() >= 5, "criteria settle the questions: " + criteria);
    int ratios = 0;
    for (SuccessCriterion criterion : criteria) {
      MetricQuery metric = byName.get(criterion.getMetric());
      assertEquals(QueryType.INSTANT, metric.getType(), "one value per window: " + metric);
      Matcher name = RATIO.matcher(metric.getName());
      if (!name.matches()) {
        continue;
      }
      ratios++;
      assertEquals(Unit.RATIO.value(), metric.getUnit(), metric.getName());
      List<String> apps = APP.matcher(metric.getQuery()).results().map(m -> m.group(1)).toList();
      String numerator = v.get(name.group(1));
      String denominator = v.get(name.group(2));
      if (numerator == null) { // hdd_over_ssd: the fsync variants of the two disks
        numerator = v.get(name.group(1) + "-fsync");
        denominator = v.get(name.group(2) + "-fsync");
      }
      assertEquals(List.of(numerator, denominator), apps, metric.getName() + ": " + metric);
    }
    assertTrue(ratios >= 3, "the comparisons are ratios: " + criteria);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theDeadlinesHoldTheLoadAndTheBudgetTheEstimate(
      Experiment experiment,
      DbWriteLoad load,
      WorkflowTemplateDef template,
      Map<String, String> v) {
    PhaseDeadlines deadlines = PhaseDeadlines.of(experiment.getSpec());
    Duration workflow =
        Duration.ofSeconds(template.build().getSpec().getActiveDeadlineSeconds().longValue());
    // the wait, the load and its Job's own timeout (load + 300 s) fit the workflow's deadline...
    assertTrue(
        workflow.compareTo(Duration.ofMinutes(10).plus(load.duration()).plusSeconds(300)) >= 0,
        workflow.toString());
    // ... which fits the running phase's, and every phase fits the total
    assertTrue(deadlines.running().compareTo(workflow) > 0, deadlines.toString());
    Duration phases =
        deadlines
            .provisioning()
            .plus(deadlines.deploying())
            .plus(deadlines.running())
            .plus(deadlines.collecting());
    assertTrue(deadlines.total().compareTo(phases) >= 0, deadlines + " vs " + phases);

    int repetitions = experiment.getSpec().getMetrics().getRepetitions();
    assertEquals(3, repetitions, "a comparison needs an interval");
    assertTrue(
        load.duration().dividedBy(repetitions).compareTo(Duration.ofMinutes(5)) >= 0,
        "each window holds minutes of writes");

    CostModel.Estimate estimate = CostModel.standard().estimate(experiment.getSpec());
    double budget = experiment.getSpec().getBudget().getMaxUSD();
    assertTrue(
        budget >= estimate.estimatedUSD() && budget <= 3 * estimate.estimatedUSD(),
        "budget " + budget + " for an estimate of " + estimate.estimatedUSD());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theLoadIsTheTemplatesAndItsDurationAParameter(
      Experiment experiment,
      DbWriteLoad load,
      WorkflowTemplateDef template,
      Map<String, String> v) {
    var parameters = template.build().getSpec().getArguments().getParameters();
    assertTrue(
        parameters.stream()
            .anyMatch(
                p ->
                    p.getName().equals(DbWriteLoad.DURATION_PARAM)
                        && p.getValue().equals(Long.toString(load.duration().toSeconds()))),
        parameters.toString());
    assertTrue(
        parameters.stream().noneMatch(p -> p.getName().equals(HttpLoad.DURATION_PARAM)),
        "one load");
  }

  @org.junit.jupiter.api.Test
  void theFsyncComparisonLoadsWhatItsCriteriaRead() {
    DbWriteLoad load = DatabaseWorkflows.fsyncVsMemoryLoad();
    assertTrue(load.readPercent() > 0 && load.batchPercent() > 0, load.toString());
    MetricQuery batch =
        queries(DbFsyncVsMemory.build()).stream()
            .filter(q -> q.getName().equals("fsync_batch_row_over_write_p99"))
            .findFirst()
            .orElseThrow();
    assertTrue(batch.getQuery().contains(" / " + load.batchSize() + ")"), batch.getQuery());
  }

  private static List<MetricQuery> queries(Experiment experiment) {
    return experiment.getSpec().getMetrics().getQueries();
  }

  /** hdd -> the hdd fsync variant, for the ratios between disks. */
  private static Map<String, String> variants(List<NaiveDb.Disk> disks) {
    return disks.stream().collect(Collectors.toMap(d -> d.prefix() + "-fsync", d -> d.fsync()));
  }
}
