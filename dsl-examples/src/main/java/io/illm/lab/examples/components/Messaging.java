package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.stringParam;
import static io.illm.lab.examples.components.Repositories.BITNAMI;
import static io.illm.lab.examples.components.Repositories.STRIMZI;
import static io.illm.lab.examples.components.Repositories.TESTBED;
import static io.illm.lab.examples.components.Repositories.TESTBED_REVISION;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/** Brokers: Kafka through the Strimzi operator, and RabbitMQ. */
public final class Messaging {

  // ---- Strimzi and Kafka

  /** Operator replicas. */
  public static final Param<Integer> STRIMZI_REPLICAS =
      intParam("replicas").defaultValue(1).describe("Cluster operator replicas");

  /**
   * Whether the operator watches every namespace. The kafka component's Kafka object names its own
   * namespace ({@code kafka}), not the experiment's where the operator runs, so the lab's default
   * is true.
   */
  public static final Param<Boolean> STRIMZI_WATCH_ANY_NAMESPACE =
      boolParam("watchAnyNamespace")
          .defaultValue(true)
          .describe("Watch Kafka resources in every namespace (the chart's default is false)");

  /** The operator's resources, the chart's own values. */
  public static final Resources STRIMZI_RESOURCES =
      Resources.of("resources", "the cluster operator", "200m", "384Mi", "1000m", "384Mi");

  /** The Strimzi cluster operator: Kafka, topics and users as Kubernetes objects. */
  @LabComponent
  public static final ComponentDef STRIMZI_OPERATOR =
      component("strimzi-operator", Category.MESSAGING)
          .describe(
              "Strimzi operator: runs Kafka clusters, topics and users from Kubernetes objects")
          .source(
              chart(STRIMZI, "strimzi-kafka-operator")
                  .revision("0.43.0")
                  .releaseName("strimzi-operator"))
          .parameter(STRIMZI_REPLICAS, STRIMZI_WATCH_ANY_NAMESPACE)
          .parameter(STRIMZI_RESOURCES.all())
          .podLabel("strimzi.io/kind", "cluster-operator")
          .metricsPort(8080);

  /**
   * A Kafka 3.8 cluster as a Strimzi {@code Kafka} object (three brokers and three ZooKeeper nodes
   * on persistent volumes) in namespace {@code kafka}; deploy strimzi-operator beside it. Its sizes
   * live in the manifest: a Git source takes no parameters.
   */
  @LabComponent
  public static final ComponentDef KAFKA =
      component("kafka", Category.MESSAGING)
          .describe(
              "Kafka 3.8 cluster (3 brokers, 3 ZooKeeper nodes) as a Strimzi Kafka resource;"
                  + " needs strimzi-operator")
          .git(TESTBED, "components/messaging/kafka/resources", TESTBED_REVISION)
          .podLabel("strimzi.io/cluster", "kafka-cluster");

  // ---- RabbitMQ

  /** Broker replicas. */
  public static final Param<Integer> RABBITMQ_REPLICAS =
      intParam("replicaCount").defaultValue(1).describe("RabbitMQ nodes");

  /** The data volume of each node. */
  public static final Param<String> RABBITMQ_STORAGE =
      stringParam("persistence.size").defaultValue("5Gi").describe("Data volume size per node");

  /** The Prometheus plugin's endpoint on port 9419. */
  public static final Param<Boolean> RABBITMQ_METRICS =
      boolParam("metrics.enabled")
          .defaultValue(true)
          .describe("Expose Prometheus metrics on port 9419");

  /** A node's resources, the original's lab values. */
  public static final Resources RABBITMQ_RESOURCES =
      Resources.of("resources", "a RabbitMQ node", "100m", "256Mi", "500m", "512Mi");

  /**
   * RabbitMQ with the management and Prometheus plugins. The original's values file also fixed a
   * user, a password and an Erlang cookie; they are left to the chart, which generates them into a
   * Secret, so no password is committed here.
   */
  @LabComponent
  public static final ComponentDef RABBITMQ =
      component("rabbitmq", Category.MESSAGING)
          .describe("RabbitMQ message broker with the management and Prometheus plugins")
          .source(chart(BITNAMI, "rabbitmq").revision("16.0.14").releaseName("rabbitmq"))
          .parameter(RABBITMQ_REPLICAS, RABBITMQ_STORAGE, RABBITMQ_METRICS)
          .parameter(RABBITMQ_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "rabbitmq")
          .metricsPort(9419);

  private Messaging() {}
}
