package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.stringParam;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/** Object storage (SeaweedFS, which the original filed under observability, is there). */
public final class Storage {

  /** MinIO's deployment mode: standalone or distributed. */
  public static final Param<String> MINIO_MODE =
      stringParam("mode")
          .defaultValue("standalone")
          .describe("MinIO deployment mode (standalone, distributed)");

  /** The data volume's size. */
  public static final Param<String> MINIO_STORAGE =
      stringParam("persistence.size").defaultValue("10Gi").describe("Size of the data volume");

  /** A ServiceMonitor for MinIO; needs the Prometheus Operator's CRDs on the target. */
  public static final Param<Boolean> MINIO_SERVICE_MONITOR =
      boolParam("metrics.serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** MinIO's resources: the chart requests 16Gi of memory, the lab 512Mi. */
  public static final Resources MINIO_RESOURCES =
      Resources.of("resources", "MinIO", null, "512Mi", null, null);

  /**
   * MinIO, S3-compatible object storage (Mimir's block store in the TSDB comparison). The root
   * credentials are the original's fixed lab values: the bucket lives only as long as the
   * experiment's private cluster and holds nothing but benchmark blocks.
   */
  @LabComponent
  public static final ComponentDef MINIO =
      component("minio", Category.STORAGE)
          .describe("MinIO S3-compatible object storage")
          .source(
              chart(Repositories.MINIO, "minio")
                  .revision("5.4.0")
                  .releaseName("minio")
                  .set("rootUser", "admin")
                  .set("rootPassword", "minio123")
                  .set("persistence.enabled", "true"))
          .parameter(MINIO_MODE, MINIO_STORAGE, MINIO_SERVICE_MONITOR)
          .parameter(MINIO_RESOURCES.all())
          .podLabel("app", "minio")
          .metricsPath("/minio/v2/metrics/cluster")
          .metricsPort(9000);

  private Storage() {}
}
