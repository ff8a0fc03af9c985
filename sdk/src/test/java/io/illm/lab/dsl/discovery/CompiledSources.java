package io.illm.lab.dsl.discovery;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Java sources compiled to a folder against the test classpath with the sdk's definition processor
 * running, as a user's module is compiled by Maven: its classes, its index and the compiler's
 * messages. Shared with the other modules' tests (test-jar).
 *
 * @param classes the output folder
 * @param ok whether it compiled
 * @param diagnostics the compiler's messages
 */
public record CompiledSources(Path classes, boolean ok, String diagnostics) {

  /** Compiles {@code sources} (qualified class name to source) into {@code dir}/classes. */
  public static CompiledSources compile(Path dir, Map<String, String> sources) {
    try {
      Path src = dir.resolve("src");
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        files.add(Files.writeString(file, source.getValue()));
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      StringWriter diagnostics = new StringWriter();
      try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, null)) {
        Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
        List<String> options =
            List.of(
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString(),
                "-processor",
                DefinitionProcessor.class.getName());
        boolean ok = compiler.getTask(diagnostics, manager, null, options, null, units).call();
        return new CompiledSources(classes, ok, diagnostics.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index the processor wrote, if it wrote one. */
  public Optional<String> index() {
    Path index = classes.resolve(IndexEntry.INDEX);
    try {
      return Files.exists(index) ? Optional.of(Files.readString(index)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers {@code catalogue} for ServiceLoader, as a module's resources would. */
  public CompiledSources withCatalogue(String catalogue) {
    try {
      Path services = classes.resolve("META-INF/services/io.illm.lab.dsl.Catalogue");
      Files.createDirectories(services.getParent());
      Files.writeString(services, catalogue + "\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class loader of the compiled classes over the test's own. */
  public URLClassLoader loader() {
    try {
      return new URLClassLoader(
          new URL[] {classes.toUri().toURL()}, CompiledSources.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
