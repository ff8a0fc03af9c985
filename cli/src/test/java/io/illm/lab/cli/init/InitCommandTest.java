package io.illm.lab.cli.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import io.illm.lab.validate.LabCheckout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab init}: the files of a new project. That the project builds, synthesizes, runs and
 * submits is OwnProjectTest's (dsl-examples), against the installed artifacts.
 */
class InitCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void writesAProjectWithEveryPlaceholderFilled() throws Exception {
    Path project = dir.resolve("My-Lab");

    assertEquals(0, run("init", project.toString(), "--package", "org.acme.bench"), err.toString());

    List<String> files;
    try (Stream<Path> walk = Files.walk(project)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> project.relativize(p).toString())
              .sorted()
              .toList();
    }
    assertEquals(
        List.of(
            ".github/workflows/lab.yml",
            ".gitignore",
            ".mvn/wrapper/maven-wrapper.properties",
            "README.md",
            "mvnw",
            "mvnw.cmd",
            "pom.xml",
            "src/main/java/org/acme/bench/components/Apps.java",
            "src/main/java/org/acme/bench/experiments/GuestbookSmoke.java",
            "src/test/java/org/acme/bench/experiments/GuestbookSmokeTest.java"),
        files);
    for (String file : files) {
      assertFalse(Files.readString(project.resolve(file)).contains("{{"), file);
    }
    String pom = Files.readString(project.resolve("pom.xml"));
    assertTrue(pom.contains("<groupId>org.acme.bench</groupId>"), pom);
    assertTrue(pom.contains("<artifactId>my-lab</artifactId>"), pom);
    assertTrue(
        pom.contains("<illm-lab.version>" + ProjectTemplate.version() + "</illm-lab.version>"));
    assertTrue(
        Files.readString(
                project.resolve("src/main/java/org/acme/bench/experiments/GuestbookSmoke.java"))
            .startsWith("package org.acme.bench.experiments;"));
    assertTrue(Files.isExecutable(project.resolve("mvnw")));
    assertArrayEquals(
        Files.readAllBytes(LabCheckout.ROOT.resolve("mvnw")),
        Files.readAllBytes(project.resolve("mvnw")));
    assertTrue(
        out.toString().contains("./mvnw -q compile exec:java -Dexec.args=\"run guestbook-smoke\""));
  }

  @Test
  void aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    assertEquals(2, run("init", dir.toString()));

    assertEquals(
        "init: " + dir + ": not an empty folder (give a new or empty one; nothing was written)\n",
        err.toString());
    try (Stream<Path> entries = Files.list(dir)) {
      assertEquals(1, entries.count());
    }
  }

  @Test
  void namesThatCannotBeUsedAreRefused() {
    assertEquals(
        2,
        run(
            "init",
            dir.resolve("x").toString(),
            "--package",
            "com.1bad",
            "--artifact-id",
            "Bad Name"));
    assertTrue(
        err.toString().contains("--package com.1bad: not a Java package name"), err.toString());
    assertTrue(
        err.toString().contains("--artifact-id Bad Name: not a Maven artifactId"), err.toString());
    assertFalse(Files.exists(dir.resolve("x")));
  }
}
