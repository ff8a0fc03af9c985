package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.LOG_GENERATOR;
import static io.illm.lab.examples.components.Logging.ELASTICSEARCH;
import static io.illm.lab.examples.components.Logging.FLUENT_BIT;
import static io.illm.lab.examples.components.Logging.KIBANA;
import static io.illm.lab.examples.experiments.TutorialMetrics.MIB;
import static io.illm.lab.examples.experiments.TutorialMetrics.cpu;
import static io.illm.lab.examples.experiments.TutorialMetrics.delivered;
import static io.illm.lab.examples.experiments.TutorialMetrics.increase;
import static io.illm.lab.examples.experiments.TutorialMetrics.own;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakMemory;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.TutorialWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on ELK tutorial: Fluent Bit tails every container's log and ships it to one Elasticsearch
 * node, Kibana searches it, while flog writes 200 lines/s. The learner checks that the pipeline
 * loses nothing and what it costs. Services to open (the tutorial block below, as the original's;
 * ports the original left out are the charts' defaults): elasticsearch, elasticsearch-master:9200;
 * kibana, kibana-kibana:5601.
 */
public final class ElkTutorial {

  private static final String FLUENT_BIT_PODS = "fluent-bit-.*";
  private static final String ELASTICSEARCH_PODS = "elasticsearch-.*";

  private ElkTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("elk-tutorial")
        .title("Tutorial: ELK Stack on Kubernetes")
        .describe("ELK stack tutorial - Elasticsearch, Kibana, Fluent Bit log analytics")
        .tag("tutorial", "observability", "logging")
        .hypothesis(
            hypothesis(
                    "Fluent Bit delivers at least 95 % of the log lines it reads to a single"
                        + " Elasticsearch node at 200 lines/s, without the node leaving its 2 GiB"
                        + " memory limit")
                .question("How does a line written to stdout become a document Kibana finds?")
                .question("Which lines, if any, does Fluent Bit drop or retry, and why?")
                .question("What does one Elasticsearch node need in memory and CPU for this rate?")
                .focus("log pipeline delivery")
                .focus("Elasticsearch footprint")
                .criterion(
                    expect("fluent_bit_delivered")
                        .atLeast(95)
                        .describe("share of records read that Fluent Bit's outputs sent"))
                .criterion(
                    expect("fluent_bit_records_dropped")
                        .atMost(0)
                        .describe("records given up after every retry"))
                .criterion(
                    expect("elasticsearch_peak_memory")
                        .below(2048 * MIB)
                        .describe("the node's memory limit")))
        .target(
            target("app")
                .on(gke().spot())
                .deploy(ELASTICSEARCH, KIBANA, FLUENT_BIT, LOG_GENERATOR)
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("elasticsearch", "app", "elasticsearch-master", 9200)
                .service("kibana", "app", "kibana-kibana", 5601))
        .workflow(workflow(TutorialWorkflows.elkTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            delivered(
                "fluent_bit_delivered",
                own("fluentbit_output_proc_records_total"),
                own("fluentbit_input_records_total"),
                "Records Fluent Bit's outputs sent, of the records its inputs read"),
            increase(
                "fluent_bit_records_dropped",
                own("fluentbit_output_retries_failed_total"),
                Unit.COUNT,
                "Records Fluent Bit gave up on after its retries"),
            peakMemory(
                "elasticsearch_peak_memory", ELASTICSEARCH_PODS, "Peak memory of Elasticsearch"),
            cpu("elasticsearch_cpu", ELASTICSEARCH_PODS, "Elasticsearch CPU over the session"),
            peakMemory("fluent_bit_peak_memory", FLUENT_BIT_PODS, "Peak memory of Fluent Bit"))
        // a tutorial is worked through by a person: give them an afternoon, then clean up
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(2)
        .build();
  }
}
