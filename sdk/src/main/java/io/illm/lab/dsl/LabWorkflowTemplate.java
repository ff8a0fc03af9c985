package io.illm.lab.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a WorkflowTemplate in the project's catalogue: {@code ./lab synth} writes it next to the
 * first experiment (by name) that runs it ({@code experiments/<name>/workflow-template.yaml}) and
 * checks every experiment's reference to it and the parameters given against the ones it declares.
 *
 * <p>On a static method without parameters (or a static field) of type {@link WorkflowTemplateDef}
 * or {@link io.illm.lab.argo.WorkflowTemplate}. Found as {@link LabExperiment} members are. Once a
 * project has any, every template its experiments name must be one of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface LabWorkflowTemplate {}
