package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.TemplateFiles;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's WorkflowTemplates: one per experiment, each valid for Argo and for its experiment. */
class WorkflowsTest {

  private final Definitions catalogue = Definitions.onClasspath();

  @Test
  void theExperimentsTemplatesAreFoundByAnnotation() {
    assertEquals(
        catalogue.experiments().size(),
        catalogue.workflowTemplates().size(),
        catalogue.problems().toString());
    assertEquals(List.of(), catalogue.problems());
  }

  @Test
  void everyExperimentOfTheCatalogueHasItsTemplateAndGivesWhatItNeeds() {
    List<Experiment> experiments = catalogue.experiments();
    List<WorkflowTemplate> templates = catalogue.workflowTemplates();
    assertEquals(List.of(), TemplateFiles.check(experiments, templates));
    assertEquals(
        experiments.size(),
        TemplateFiles.placed(experiments, templates).size(),
        "each experiment has a template of its own");
  }

  @Test
  void everyTemplateMatchesArgoWorkflowsSchema() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    List<Problem> problems = new ArrayList<>();
    TemplateFiles.placed(catalogue.experiments(), catalogue.workflowTemplates())
        .forEach(
            (path, template) -> {
              JsonNode tree = LabYaml.json().valueToTree(template);
              assertTrue(schemas.knows(tree));
              problems.addAll(schemas.check(path, tree));
            });
    assertEquals(List.of(), problems);
  }

  @Test
  void everyTemplateWaitsChecksLoadsAndRecordsTheLoad() {
    for (WorkflowTemplate template : catalogue.workflowTemplates()) {
      List<String> steps =
          template.getSpec().getTemplates().get(0).getSteps().stream()
              .map(group -> group.get(0).getName())
              .toList();
      assertEquals("wait-for-workloads", steps.get(0), template.getMetadata().getName());
      // objects no chart makes (a gateway's routes) may be applied before the smoke test
      int smoke = steps.get(1).equals("routes") ? 2 : 1;
      assertEquals("smoke", steps.get(smoke), steps.toString());
      // a load on one target, or the same load on each target or contender at once
      // (ingest-<target>, load-<gateway>)
      assertTrue(
          steps.get(smoke + 1).matches("(load|logs|ingest|traces|writes)(-[a-z0-9-]+)?"),
          steps.toString());
      assertEquals("record-load", steps.get(smoke + 2));
      assertEquals(smoke + 3, steps.size(), steps.toString());
    }
  }
}
