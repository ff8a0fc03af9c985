package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SynthWorkloadTest {

  @Test
  void experimentOneIsTheWorkedExample() throws Exception {
    String yaml = LabYaml.write(SynthWorkload.experiment(1));

    assertEquals(
        Optional.empty(),
        OutputCheck.difference("", WorkedExample.tree(), LabYaml.readTree(yaml)),
        "experiment 1 as the synth writes it:\n" + yaml);
  }

  @Test
  void threeExperimentsHaveThreeNames() {
    List<String> names =
        SynthWorkload.experiments(3).stream()
            .map(Experiment::getMetadata)
            .map(m -> m.getName())
            .toList();

    assertEquals(List.of("exp-00001", "exp-00002", "exp-00003"), names);
  }
}
