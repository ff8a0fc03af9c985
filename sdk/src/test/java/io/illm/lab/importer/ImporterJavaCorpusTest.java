package io.illm.lab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.dsl.InMemoryJava;
import io.illm.lab.dsl.JavaSource;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lab import --java} on the original lab's whole corpus: the printed DSL source compiles,
 * and running it synthesizes exactly the YAML that {@code ./lab import} prints.
 */
class ImporterJavaCorpusTest {

  @Test
  void everyCorpusFileBecomesJavaThatSynthesizesTheSameYaml() throws Exception {
    ImportResult result = Importer.read(Corpus.files(), null);
    assertFalse(result.hasErrors(), () -> Imports.render(result.problems()));
    List<String> differ = new ArrayList<>();
    for (Imported imported : result.imported()) {
      HasMetadata object = imported.object();
      String className = JavaSource.className(object.getMetadata().getName());
      String source =
          object instanceof Experiment experiment
              ? JavaSource.experiment("imported", className, experiment)
              : JavaSource.component("imported", className, (Component) object);
      Object built = InMemoryJava.build("imported." + className, source);
      if (!LabYaml.write(object).equals(LabYaml.write(built))) {
        differ.add(imported.file());
      }
    }
    assertEquals(54, result.imported().size());
    assertEquals(List.of(), differ);
  }
}
