package io.illm.lab.rules;

import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.rules.SpecCorruptions.Named;
import io.illm.lab.validate.ExperimentGenerators;
import io.illm.lab.validate.ExperimentGenerators.Draw;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * Generated experiments for properties of whoever runs the rules (validate, the DSL, the operator's
 * lifecycle): valid ones ({@link ExperimentGenerators}) and ones broken by {@link SpecCorruptions}.
 */
public final class DrawnSpecs {

  /**
   * A drawn experiment: its name and spec, the corruptions applied (none: valid), the path the last
   * one's error must be at (null when valid; an earlier corruption's error may be gone, if a later
   * one removed its field), and the paths warnings must be at.
   */
  public record Drawn(
      String name,
      ExperimentSpec spec,
      List<String> corruptions,
      String errorPath,
      List<String> warningPaths) {
    @Override
    public String toString() {
      return name
          + " with "
          + corruptions
          + " (error at "
          + errorPath
          + "), warnings at "
          + warningPaths;
    }
  }

  private DrawnSpecs() {}

  /**
   * Generated experiments ({@link ExperimentGenerators}) with 0 to {@code maxCorruptions}
   * corruptions, half of them also with a harmless change and a long name (warnings only). A
   * corruption that removes a part the others look at ({@code required}) only ever comes last.
   */
  public static Gen<Drawn> experiments(int maxCorruptions) {
    return random -> {
      Draw draw = new Draw(random);
      Experiment experiment = ExperimentGenerators.experiment(draw);
      ExperimentSpec spec = experiment.getSpec();
      String name = experiment.getMetadata().getName();
      List<String> warnings = new ArrayList<>();
      if (draw.bool()) {
        name = name + "-" + "n".repeat(61 - name.length()); // 62: the Workflow's name is shortened
        warnings.add("metadata.name");
        draw.pick(SpecCorruptions.harmless())
            .corruption()
            .apply(spec, draw)
            .ifPresent(warnings::add);
      }
      List<String> applied = new ArrayList<>();
      String path = null;
      for (int k = draw.between(0, maxCorruptions); k > 0; k--) {
        List<Named> pool = k == 1 ? SpecCorruptions.all() : SpecCorruptions.keepingStructure();
        int first = draw.between(0, pool.size() - 1);
        for (int i = 0; i < pool.size(); i++) {
          Named named = pool.get((first + i) % pool.size());
          Optional<String> at = named.corruption().apply(spec, draw);
          if (at.isPresent()) {
            applied.add(named.name());
            path = at.get();
            break;
          }
        }
      }
      return new Drawn(name, spec, applied, path, warnings);
    };
  }
}
