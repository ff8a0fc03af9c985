package io.illm.lab.dsl;

import io.illm.lab.argo.workflowtemplatespec.Templates;
import io.illm.lab.argo.workflowtemplatespec.templates.Inputs;
import io.illm.lab.argo.workflowtemplatespec.templates.Outputs;
import io.illm.lab.argo.workflowtemplatespec.templates.Script;
import io.illm.lab.argo.workflowtemplatespec.templates.outputs.parameters.ValueFrom;
import io.illm.lab.argo.workflowtemplatespec.templates.script.Env;
import io.illm.lab.argo.workflowtemplatespec.templates.script.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a step runs: a shell script in an image, with the inputs it reads (as {@code $NAME} in the
 * environment: {@code target-endpoint} becomes {@code $TARGET_ENDPOINT}), the outputs it writes
 * (each a file {@code /tmp/outputs/<name>}), its resources and its timeout. Made with {@link
 * Lab#script}; immutable.
 */
public record ScriptDef(
    String image,
    String source,
    List<String> inputs,
    List<Output> outputs,
    Map<String, String> env,
    String cpu,
    String memory,
    Duration timeout) {

  /** Where a script writes its outputs: one file per output, named after it. */
  public static final String OUTPUTS = "/tmp/outputs";

  /**
   * An output parameter of the step.
   *
   * @param name its name; the script writes it to {@code /tmp/outputs/<name>}
   * @param global whether it is also a workflow output ({@code status.outputs} of the Workflow),
   *     named {@code <name>}
   * @param description what it holds
   */
  public record Output(String name, boolean global, String description) {}

  public ScriptDef {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    env = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(env));
  }

  static ScriptDef of(String image, String source) {
    return new ScriptDef(image, source, List.of(), List.of(), Map.of(), null, null, null);
  }

  /** An input the step passes in (see {@link StepDef#with}); the script reads {@code $NAME}. */
  public ScriptDef input(String... names) {
    List<String> more = new ArrayList<>(inputs);
    more.addAll(List.of(names));
    return new ScriptDef(image, source, more, outputs, env, cpu, memory, timeout);
  }

  /** An output the script writes to {@code /tmp/outputs/<name>}. */
  public ScriptDef output(String name, String description) {
    return withOutput(new Output(name, false, description));
  }

  /** An output that is also one of the Workflow's own outputs, for whoever reads its status. */
  public ScriptDef globalOutput(String name, String description) {
    return withOutput(new Output(name, true, description));
  }

  /** A fixed environment variable. Default: none. */
  public ScriptDef env(String name, String value) {
    Map<String, String> more = new TreeMap<>(env);
    more.put(name, value);
    return new ScriptDef(image, source, inputs, outputs, more, cpu, memory, timeout);
  }

  /** CPU and memory requested (and memory as the limit), e.g. "100m", "128Mi". Default: none. */
  public ScriptDef resources(String cpu, String memory) {
    return new ScriptDef(image, source, inputs, outputs, env, cpu, memory, timeout);
  }

  /** How long the step may run before Argo fails it. Default: no limit but the workflow's. */
  public ScriptDef timeout(Duration limit) {
    return new ScriptDef(image, source, inputs, outputs, env, cpu, memory, limit);
  }

  private ScriptDef withOutput(Output output) {
    List<Output> more = new ArrayList<>(outputs);
    more.add(output);
    return new ScriptDef(image, source, inputs, more, env, cpu, memory, timeout);
  }

  /** The Argo template named {@code name} that runs this script. */
  Templates template(String name) {
    Templates template = new Templates();
    template.setName(name);
    if (!inputs.isEmpty()) {
      Inputs in = new Inputs();
      in.setParameters(
          inputs.stream()
              .map(
                  input -> {
                    var parameter =
                        new io.illm.lab.argo.workflowtemplatespec.templates.inputs.Parameters();
                    parameter.setName(input);
                    return parameter;
                  })
              .toList());
      template.setInputs(in);
    }
    if (!outputs.isEmpty()) {
      template.setOutputs(argoOutputs());
    }
    template.setScript(script());
    if (timeout != null) {
      template.setTimeout(timeout.toSeconds() + "s");
    }
    return template;
  }

  private Outputs argoOutputs() {
    Outputs out = new Outputs();
    out.setParameters(
        outputs.stream()
            .map(
                output -> {
                  var parameter =
                      new io.illm.lab.argo.workflowtemplatespec.templates.outputs.Parameters();
                  parameter.setName(output.name());
                  parameter.setDescription(output.description());
                  parameter.setGlobalName(output.global() ? output.name() : null);
                  ValueFrom from = new ValueFrom();
                  from.setPath(OUTPUTS + "/" + output.name());
                  parameter.setValueFrom(from);
                  return parameter;
                })
            .toList());
    return out;
  }

  private Script script() {
    Script script = new Script();
    script.setImage(image);
    script.setCommand(List.of("sh"));
    script.setSource(source);
    List<Env> variables = new ArrayList<>();
    for (String input : inputs) {
      variables.add(variable(variable(input), "{{inputs.parameters." + input + "}}"));
    }
    env.forEach((name, value) -> variables.add(variable(name, value)));
    script.setEnv(variables.isEmpty() ? null : variables);
    if (cpu != null || memory != null) {
      Resources resources = new Resources();
      Map<String, String> requests = new TreeMap<>();
      if (cpu != null) {
        requests.put("cpu", cpu);
      }
      if (memory != null) {
        requests.put("memory", memory);
        resources.setLimits(Map.of("memory", memory));
      }
      resources.setRequests(requests);
      script.setResources(resources);
    }
    return script;
  }

  /** The environment variable an input is read from: upper case, dashes as underscores. */
  static String variable(String input) {
    return input.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  private static Env variable(String name, String value) {
    Env variable = new Env();
    variable.setName(name);
    variable.setValue(value);
    return variable;
  }
}
