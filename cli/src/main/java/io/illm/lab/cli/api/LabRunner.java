package io.illm.lab.cli.api;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.follow.Follower;
import io.illm.lab.cli.follow.Follower.Ended;
import io.illm.lab.cli.follow.Follower.Outcome;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.run.HubRun;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.results.Summary;
import io.illm.lab.results.SummaryJson;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.validate.Validator;
import io.illm.lab.yaml.LabYaml;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs an {@link Experiment} object from Java and returns its {@link LabOutcome}: on an embedded
 * hub in this process, as {@code ./lab run} does ({@link #run}), or on the cluster of a client, as
 * {@code ./lab submit} does ({@link #submit}). For a JUnit test of an experiment:
 *
 * <pre>{@code
 * LabOutcome outcome = LabRunner.run(HelloApp.build());
 * assertEquals(HypothesisResult.VALIDATED, outcome.verdict().orElseThrow(), outcome.toString());
 * }</pre>
 *
 * <p>The experiment is validated first, against the components under {@code components/}, of the
 * definitions on the class path ({@code @LabComponent}) and of the given catalogue; an invalid one
 * throws {@link InvalidInputException} with every problem. The object passed in is not changed.
 */
public final class LabRunner {

  /** Where {@link #submit} puts an experiment that names no namespace, as {@code ./lab submit}. */
  public static final String DEFAULT_NAMESPACE = "experiments";

  private LabRunner() {}

  /** Runs {@code experiment} on an embedded hub with instant timings. */
  public static LabOutcome run(Experiment experiment) throws InterruptedException {
    return run(experiment, RunOptions.defaults());
  }

  /**
   * Runs {@code experiment} on an embedded hub: simulated clusters, deployments, workflow and
   * metrics (everything it produces says simulated).
   *
   * @throws InvalidInputException when the experiment is invalid; nothing is started
   * @throws IllegalStateException when the embedded hub does not start or stops answering
   */
  public static LabOutcome run(Experiment experiment, RunOptions options)
      throws InterruptedException {
    LabFiles lab = LabFiles.at(options.root().orElse(null));
    ComponentCatalogue components = components(lab);
    Experiment copy = checked(experiment, components);
    HubRun.Settings settings =
        new HubRun.Settings(
            options.instant(),
            options.timeFactor(),
            options.failClusters(),
            options.workflowFails(),
            Optional.empty(),
            options.results().orElse(lab.root().resolve(FolderResultsStore.DEFAULT_FOLDER)));
    Duration limit = options.timeout().orElseGet(() -> settings.defaultTimeout(copy));
    try {
      HubRun.Result result =
          HubRun.run(lab.root(), copy, components, settings, limit, (e, t) -> {});
      return outcome(result.outcome(), result.last().orElse(copy));
    } catch (HubRun.HubFailure e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Submits {@code experiment} on the client's cluster and follows it until it ends. */
  public static LabOutcome submit(Experiment experiment, KubernetesClient client)
      throws InterruptedException {
    return submit(experiment, client, RunOptions.defaults());
  }

  /**
   * Creates {@code experiment} on the client's cluster (in its namespace, else {@value
   * #DEFAULT_NAMESPACE}) and follows it until it ends, or until the options' timeout passes. Of the
   * options, only {@code timeout} and {@code root} (where the components are) apply: the cluster's
   * operator decides the rest.
   *
   * @throws InvalidInputException when the experiment is invalid; nothing is created
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the cluster refuses it
   */
  public static LabOutcome submit(
      Experiment experiment, KubernetesClient client, RunOptions options)
      throws InterruptedException {
    Experiment copy = checked(experiment, components(LabFiles.at(options.root().orElse(null))));
    if (copy.getMetadata().getNamespace() == null) {
      copy.getMetadata().setNamespace(DEFAULT_NAMESPACE);
    }
    client.resource(copy).create();
    Follower follower =
        options
            .timeout()
            .map(l -> Follower.atMost(client, l))
            .orElseGet(() -> Follower.untilItEnds(client));
    Outcome outcome =
        follower.follow(copy.getMetadata().getNamespace(), copy.getMetadata().getName(), e -> {});
    Experiment last =
        outcome instanceof Ended ended
            ? ended.experiment()
            : outcome instanceof Follower.TimedOut t ? t.lastSeen().orElse(copy) : copy;
    return outcome(outcome, last);
  }

  private static ComponentCatalogue components(LabFiles lab) {
    return lab.catalogue(Definitions.onClasspath().components(), List.of());
  }

  /** A copy of the experiment, validated; the caller's object stays as it was. */
  private static Experiment checked(Experiment experiment, ComponentCatalogue components) {
    Experiment copy = LabYaml.json().convertValue(experiment, Experiment.class);
    String label = "experiments/" + copy.getMetadata().getName();
    List<Problem> problems = Validator.validate(label, copy, components);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new InvalidInputException(label, problems);
    }
    return copy;
  }

  private static LabOutcome outcome(Outcome outcome, Experiment last) {
    ExperimentStatus status = last.getStatus();
    boolean simulated = status != null && Boolean.TRUE.equals(status.getSimulated());
    List<String> report =
        outcome instanceof Ended
            ? Progress.summary(last, simulated)
            : Progress.noOutcome(last, "it did not end: " + outcome, simulated);
    Phase phase = Progress.phase(last);
    return new LabOutcome(
        last,
        phase,
        Optional.ofNullable(status).map(ExperimentStatus::getHypothesisResult),
        summary(status),
        report);
  }

  /** The summary.json of a run whose results are in a local folder. */
  private static Optional<Summary> summary(ExperimentStatus status) {
    if (status == null
        || status.getResultsURL() == null
        || !status.getResultsURL().startsWith("file:")) {
      return Optional.empty();
    }
    Path file = Path.of(URI.create(status.getResultsURL())).resolve("summary.json");
    return Files.isRegularFile(file) ? Optional.of(SummaryJson.read(file)) : Optional.empty();
  }
}
