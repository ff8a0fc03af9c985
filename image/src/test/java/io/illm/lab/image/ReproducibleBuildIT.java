package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Building again gives the same image: the same digest, and the same archive, SBOM and provenance
 * byte for byte. The full test (-Dimage.reproducibility.full=true) builds it from two fresh clones
 * of HEAD with the Maven wrapper, jars included.
 */
class ReproducibleBuildIT {

  @Test
  void buildingTheSameInputsAgainGivesTheSameImageByteForByte() throws IOException {
    BuiltImage first = BuiltImage.ofBuild();
    Map<String, String> args = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("image.args")))) {
      args.put(line.substring(2, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    Path again = first.dir.resolveSibling("image-again");
    args.put("out", again.toString());
    ImageBuild.build(ImageBuild.spec(args), new PrintStream(OutputStream.nullOutputStream()));
    BuiltImage second = BuiltImage.at(again, first.name);
    assertEquals(first.digest, second.digest);
    assertArrayEquals(Files.readAllBytes(first.archive()), Files.readAllBytes(second.archive()));
    assertArrayEquals(Files.readAllBytes(first.sbom()), Files.readAllBytes(second.sbom()));
    assertArrayEquals(
        Files.readAllBytes(first.provenance()), Files.readAllBytes(second.provenance()));
    ImageBuild.deleteTree(again);
  }

  @Test
  void twoCleanBuildsFromFreshClonesGiveTheSameDigest() throws IOException, InterruptedException {
    assumeTrue(
        Boolean.getBoolean("image.reproducibility.full"),
        "skipped: two clean builds from clones take minutes (-Dimage.reproducibility.full=true)");
    Path root = Path.of(System.getProperty("lab.root"));
    Path tmp = Files.createTempDirectory("illm-repro");
    try {
      List<String> digests = new ArrayList<>();
      for (String name : List.of("a", "b")) {
        Path clone = tmp.resolve(name);
        run(tmp, "git", "clone", "--quiet", "--no-hardlinks", root.toString(), clone.toString());
        run(clone, "./mvnw", "-B", "-q", "package", "-pl", "image", "-am", "-DskipTests");
        digests.add(
            Files.readString(clone.resolve("image/target/image/illm-lab-operator.digest")).strip());
      }
      System.out.println("clean builds of HEAD: " + digests);
      assertEquals(digests.get(0), digests.get(1));
    } finally {
      ImageBuild.deleteTree(tmp);
    }
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", command));
  }
}
