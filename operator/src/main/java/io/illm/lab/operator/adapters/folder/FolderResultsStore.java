package io.illm.lab.operator.adapters.folder;

import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.ResultsStoreException;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs in a local folder, in the same layout as the S3 store: what {@code ./lab run} writes and
 * {@code ./lab results} reads by default. Each file is written to a temporary name and moved into
 * place, so a reader never sees half a file.
 */
public final class FolderResultsStore implements ResultsStore {

  /** The default folder under the lab root: {@code .lab/results}. */
  public static final Path DEFAULT_FOLDER = Path.of(".lab", "results");

  private final Path root;

  public FolderResultsStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder the runs are in. */
  public Path root() {
    return root;
  }

  @Override
  public String location(RunKey key) {
    return root.resolve(key.folder()).toUri().toString();
  }

  @Override
  public void put(RunFiles run) {
    for (Map.Entry<String, byte[]> raw : run.raw().entrySet()) {
      write(run.key().rawKey(raw.getKey()), raw.getValue());
    }
    write(run.key().summaryKey(), run.summary());
  }

  @Override
  public List<RunKey> runs(String experiment) {
    Path folder = root.resolve(RunKey.experimentFolder(experiment));
    return folders(folder).stream()
        .filter(run -> Files.isRegularFile(folder.resolve(run).resolve("summary.json")))
        .map(run -> new RunKey(experiment, run))
        .sorted()
        .toList();
  }

  @Override
  public List<String> experiments() {
    return folders(root.resolve("experiments"));
  }

  @Override
  public Optional<byte[]> summary(RunKey key) {
    try {
      return Optional.of(Files.readAllBytes(root.resolve(key.summaryKey())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ResultsStoreException(
          root.resolve(key.summaryKey()) + ": cannot read: " + e.getMessage(), false, e);
    }
  }

  private List<String> folders(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(RunKey::isName)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ResultsStoreException(folder + ": cannot list: " + e.getMessage(), false, e);
    }
  }

  private void write(String key, byte[] bytes) {
    Path file = root.resolve(key);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".writing-", ".tmp");
      try {
        Files.write(temporary, bytes);
        move(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new ResultsStoreException(
          file
              + ": cannot write: "
              + e.getMessage()
              + " (check the folder's permissions and free space)",
          false,
          e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
