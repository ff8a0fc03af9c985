package io.illm.lab.importer;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object import produced, with the file it came from.
 *
 * @param file the file as it was named to import
 * @param object an {@link io.illm.lab.model.Experiment} or a {@link io.illm.lab.model.Component}
 */
public record Imported(String file, HasMetadata object) {}
