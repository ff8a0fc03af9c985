package io.illm.lab.dsl;

import io.illm.lab.argo.workflowtemplatespec.templates.Steps;
import io.illm.lab.argo.workflowtemplatespec.templates.steps.Arguments;
import io.illm.lab.argo.workflowtemplatespec.templates.steps.arguments.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A step of a WorkflowTemplate: a name, the script it runs and the values of the script's inputs.
 * Made with {@link Lab#step}; immutable.
 *
 * @param name the step's name, unique in its template; also the name of its Argo template
 * @param script what it runs
 * @param arguments each input of the script to its value (a literal, a {@link WorkflowParam#ref()}
 *     or another step's {@link #output})
 * @param when Argo's condition for running it; null runs it always
 */
public record StepDef(String name, ScriptDef script, Map<String, String> arguments, String when) {

  public StepDef {
    arguments = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(arguments));
  }

  /** The value of one of the script's inputs. */
  public StepDef with(String input, String value) {
    Map<String, String> more = new TreeMap<>(arguments);
    more.put(input, value);
    return new StepDef(name, script, more, when);
  }

  /** The value of one of the script's inputs: the workflow parameter's. */
  public StepDef with(String input, WorkflowParam parameter) {
    return with(input, parameter.ref());
  }

  /**
   * Runs the step only when Argo's expression holds, e.g. {@code "{{workflow.parameters.x}} !=
   * ''"}.
   */
  public StepDef when(String condition) {
    return new StepDef(name, script, arguments, condition);
  }

  /** The expression a later step uses for this step's output {@code output}. */
  public String output(String output) {
    if (script.outputs().stream().noneMatch(o -> o.name().equals(output))) {
      throw new IllegalArgumentException(
          "step " + name + " has no output " + output + " (outputs: " + outputNames() + ")");
    }
    return "{{steps." + name + ".outputs.parameters." + output + "}}";
  }

  List<String> outputNames() {
    return script.outputs().stream().map(ScriptDef.Output::name).toList();
  }

  /** The step as Argo writes it in a steps template. */
  Steps toArgo() {
    Steps step = new Steps();
    step.setName(name);
    step.setTemplate(name);
    step.setWhen(when);
    if (!arguments.isEmpty()) {
      List<Parameters> parameters = new ArrayList<>();
      arguments.forEach(
          (input, value) -> {
            Parameters parameter = new Parameters();
            parameter.setName(input);
            parameter.setValue(value);
            parameters.add(parameter);
          });
      Arguments args = new Arguments();
      args.setParameters(parameters);
      step.setArguments(args);
    }
    return step;
  }
}
