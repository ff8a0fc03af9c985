package io.illm.lab.cli;

/**
 * A command whose usage errors exit with its own {@code exitCodeOnInvalidInput} (for {@code run}, 1
 * means Failed, so its usage errors exit 2); the others exit 1.
 */
public interface Subcommand {}
