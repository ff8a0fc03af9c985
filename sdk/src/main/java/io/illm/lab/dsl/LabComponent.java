package io.illm.lab.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a component in the project's catalogue: {@code ./lab synth} writes its YAML and experiments
 * may deploy it, without any list to keep up to date.
 *
 * <p>On a static field of type {@link ComponentDef} or {@link io.illm.lab.model.Component} (the
 * usual {@code public static final ComponentDef HELLO_APP = component(...)}), or on a static method
 * without parameters that returns either. See {@link LabExperiment} for how the members are found.
 * A static ComponentDef field without this annotation is reported by {@code ./lab synth} and {@code
 * ./lab validate}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface LabComponent {}
