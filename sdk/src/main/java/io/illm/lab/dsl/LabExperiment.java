package io.illm.lab.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an experiment in the project's catalogue: {@code ./lab synth}, {@code validate}, {@code
 * render}, {@code run} and {@code submit} find it without any list to keep up to date.
 *
 * <p>On a static method without parameters that returns an {@link io.illm.lab.model.Experiment} or
 * an {@link ExperimentDef} (built by the catalogue), or on a static field of either type. The sdk's
 * annotation processor ({@link io.illm.lab.dsl.discovery.DefinitionProcessor}) writes the annotated
 * members into {@code META-INF/illm-lab/definitions} when the class is compiled, and rejects a
 * member it could not call. A static method that returns an Experiment without this annotation is
 * reported by {@code ./lab synth} and {@code ./lab validate}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface LabExperiment {}
