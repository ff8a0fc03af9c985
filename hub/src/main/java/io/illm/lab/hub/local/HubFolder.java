package io.illm.lab.hub.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where a local hub keeps its state (default {@code .lab/hub/}): certificates, etcd's data, logs,
 * the kubeconfig it hands out, and {@code hub.properties}, the processes it started and the API
 * server's address. One folder: {@code down} removes it.
 */
public record HubFolder(Path root) {

  public static final Path DEFAULT = Path.of(".lab", "hub");

  public HubFolder {
    root = root.toAbsolutePath().normalize();
  }

  public Path pki() {
    return root.resolve("pki");
  }

  public Path etcdData() {
    return root.resolve("etcd");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  /** The admin kubeconfig: {@code export KUBECONFIG=} this. */
  public Path kubeconfig() {
    return root.resolve("kubeconfig");
  }

  /** Written by the operator's process once it runs. */
  Path operatorReady() {
    return root.resolve("operator.ready");
  }

  private Path state() {
    return root.resolve("hub.properties");
  }

  /** What {@link #save} wrote: the API server and the processes, in start order. */
  public record State(URI apiServer, List<HubProcess> processes) {}

  /** The state, if a hub was started here. */
  public Optional<State> load() {
    if (!Files.isRegularFile(state())) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(state())) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<HubProcess> processes = new ArrayList<>();
    for (String name : properties.getProperty("processes", "").split(",")) {
      if (!name.isBlank()) {
        processes.add(
            new HubProcess(
                name,
                Long.parseLong(properties.getProperty(name + ".pid")),
                Long.parseLong(properties.getProperty(name + ".started"))));
      }
    }
    return Optional.of(new State(URI.create(properties.getProperty("apiserver", "")), processes));
  }

  /** Writes the state (after every process started, so a failed start can be undone). */
  void save(State state) {
    Properties properties = new Properties();
    properties.setProperty("apiserver", state.apiServer().toString());
    List<String> names = new ArrayList<>();
    for (HubProcess process : state.processes()) {
      names.add(process.name());
      properties.setProperty(process.name() + ".pid", Long.toString(process.pid()));
      properties.setProperty(process.name() + ".started", Long.toString(process.started()));
    }
    properties.setProperty("processes", String.join(",", names));
    try (Writer out = Files.newBufferedWriter(state())) {
      properties.store(out, "illm-lab local hub: what ./lab hub up started");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the folders, empty. */
  void create() {
    delete();
    try {
      Files.createDirectories(pki());
      Files.createDirectories(etcdData());
      Files.createDirectories(logs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the folder and everything in it. */
  void delete() {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
