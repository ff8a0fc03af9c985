package io.illm.lab.cli;

/**
 * A {@code ./lab} command from another module (the operator's {@code render}), found with {@link
 * java.util.ServiceLoader}: list the class in {@code META-INF/services/io.illm.lab.cli.Subcommand}.
 * Implementations are picocli {@code @Command} classes with a public no-argument constructor; the
 * sdk cannot depend on the modules that provide them.
 */
public interface Subcommand {}
