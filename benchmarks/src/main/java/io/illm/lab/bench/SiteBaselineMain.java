package io.illm.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code SiteBaselineMain RESULTS OUT}: the floor under the site build, with nothing of ours: finds
 * every summary.json, reads it with a plain Jackson {@code ObjectMapper} as a tree and writes it
 * back, indented, to {@code OUT/<n>.json}.
 */
public final class SiteBaselineMain {

  private SiteBaselineMain() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectWriter writer = mapper.writerWithDefaultPrettyPrinter();
    Path out = Files.createDirectories(Path.of(args[1]));
    List<Path> files;
    try (Stream<Path> paths = Files.walk(Path.of(args[0]))) {
      files =
          paths.filter(p -> p.getFileName().toString().equals("summary.json")).sorted().toList();
    }
    int n = 0;
    for (Path file : files) {
      JsonNode tree = mapper.readTree(file.toFile());
      writer.writeValue(out.resolve(n++ + ".json").toFile(), tree);
    }
    ExitReport.printIfAsked();
  }
}
