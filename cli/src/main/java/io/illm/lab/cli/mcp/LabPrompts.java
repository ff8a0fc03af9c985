package io.illm.lab.cli.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/**
 * The prompts: how to go from a question to an experiment ({@code design_experiment}), and how to
 * explain a run's verdict ({@code explain_verdict}), each naming the tools to use in order.
 */
final class LabPrompts {

  private LabPrompts() {}

  static List<SyncPromptSpecification> prompts() {
    return List.of(design(), explain());
  }

  private static SyncPromptSpecification design() {
    McpSchema.Prompt prompt =
        McpSchema.Prompt.builder("design_experiment")
            .description("Design an experiment of this lab that answers a question")
            .arguments(
                List.of(
                    PromptArgument.builder("question")
                        .description(
                            "the question, e.g. which of two TSDBs uses less memory at the same ingest rate")
                        .required(true)
                        .build()))
            .build();
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) ->
            result(
                "Design an experiment of the illm-lab that answers: "
                    + argument(request.arguments(), "question")
                    + "\n\n"
                    + String.join(
                        "\n",
                        "1. Read lab://docs/dsl.md and lab://docs/validation.md; list_components and"
                            + " list_experiments show what exists (describe_experiment the closest one).",
                        "2. State a falsifiable hypothesis and success criteria on metrics (PromQL) that"
                            + " decide the question; use several repetitions for confidence intervals.",
                        "3. Write the Experiment YAML (apiVersion experiments.illm.io/v1alpha1, kind"
                            + " Experiment) with targets, components from the catalogue, a workflow, the"
                            + " metrics, deadlines and a budget (spec.budget.maxUSD).",
                        "4. validate_experiment with yaml until valid is true; fix each problem at its path.",
                        "5. render_experiment: check the objects and that the estimated cost fits the budget.",
                        "6. run_experiment (simulated) to check it runs end to end; get_results. Say clearly"
                            + " that a simulated verdict is not an answer: only a run on real clusters"
                            + " (submit_experiment, when this server allows it) measures anything.")));
  }

  private static SyncPromptSpecification explain() {
    McpSchema.Prompt prompt =
        McpSchema.Prompt.builder("explain_verdict")
            .description("Explain a run's verdict, criterion by criterion, and record the analysis")
            .arguments(
                List.of(
                    PromptArgument.builder("experiment")
                        .description("the experiment's name")
                        .required(true)
                        .build(),
                    PromptArgument.builder("run")
                        .description("the run; default the latest")
                        .required(false)
                        .build()))
            .build();
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) -> {
          Object run = request.arguments() == null ? null : request.arguments().get("run");
          return result(
              "Explain the verdict of "
                  + (run == null ? "the latest run" : "run " + run)
                  + " of experiment "
                  + argument(request.arguments(), "experiment")
                  + ".\n\n"
                  + String.join(
                      "\n",
                      "1. get_results (detail summary; metrics when a criterion needs the values).",
                      "2. Say first whether the numbers were simulated or measured (simulated).",
                      "3. Go criterion by criterion: the metric, the target, the value against the"
                          + " threshold, pass/fail/missing and why; then the verdict that follows.",
                      "4. Mention the confidence intervals, the data quality and anything missing.",
                      "5. Do not change or contradict the numbers. record_analysis with your text, your"
                          + " name as author and your model, so the run's page shows it."));
        });
  }

  private static GetPromptResult result(String text) {
    return GetPromptResult.builder(
            List.of(PromptMessage.builder(Role.USER, TextContent.builder(text).build()).build()))
        .build();
  }

  private static String argument(Map<String, Object> arguments, String name) {
    Object value = arguments == null ? null : arguments.get(name);
    return value == null ? "(not given)" : value.toString();
  }
}
