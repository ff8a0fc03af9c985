package io.illm.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The expected document of experiment {@code i}, from the workload's own YAML text ({@code
 * experiment.template.yaml} next to this class) with its placeholders filled in. It is the oracle
 * both tools' output is checked against, so it shares no code with either beyond {@link
 * WorkloadValues}.
 */
final class WorkloadTemplate {

  private static final String RESOURCE = "experiment.template.yaml";

  private final String text;
  private final YAMLMapper mapper = new YAMLMapper();

  private WorkloadTemplate(String text) {
    this.text = text;
  }

  static WorkloadTemplate load() {
    try (InputStream in = WorkloadTemplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the classpath (rebuild benchmarks)");
      }
      return new WorkloadTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document of experiment {@code i} as a tree. */
  JsonNode document(int i) {
    WorkloadValues v = new WorkloadValues(i);
    String yaml =
        text.replace("${NAME}", v.name())
            .replace("${I}", Integer.toString(i))
            .replace("${GROUP}", Integer.toString(i % 10))
            .replace("${ZONE}", v.zone())
            .replace("${REPLICAS}", v.replicas())
            .replace("${RPS}", Integer.toString(v.rps()))
            .replace("${P95}", Integer.toString(v.p95()))
            .replace("${SEL}", v.selector());
    try {
      return mapper.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("the workload template does not parse for i=" + i, e);
    }
  }
}
