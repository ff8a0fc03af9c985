package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.stringParam;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/** Storage components. */
public final class Storage {

  /** MinIO's deployment mode: standalone or distributed. */
  public static final Param<String> MINIO_MODE =
      stringParam("mode")
          .defaultValue("standalone")
          .describe("MinIO deployment mode (standalone, distributed)");

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
                  .set("mode", "standalone")
                  .set("rootUser", "admin")
                  .set("rootPassword", "minio123")
                  .set("resources.requests.memory", "512Mi")
                  .set("persistence.enabled", "true")
                  .set("persistence.size", "10Gi"))
          .parameter(MINIO_MODE)
          .podLabel("app", "minio");

  private Storage() {}
}
