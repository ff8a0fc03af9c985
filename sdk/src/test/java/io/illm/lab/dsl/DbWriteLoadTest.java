package io.illm.lab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database write load: its typed values reach the step, and its script, run with a stand-in
 * {@code kubectl} that plays the target (two naive-db Services whose counters move while the Job
 * "runs"), applies a valid Job whose k6 script parses, and reports what the databases served.
 */
class DbWriteLoadTest {

  private static final DbWriteLoad LOAD =
      DbWriteLoad.k6("app", "naive-db-fsync", "naive-db-nosync")
          .writers(2)
          .reads(20)
          .batches(10, 50)
          .duration(Duration.ofMinutes(25));

  @Test
  void theTypedLoadReachesTheStepAndItsDurationIsAParameter() {
    StepDef step = LOAD.step();
    assertEquals("writes", step.name());
    assertEquals(
        Map.of(
            "TARGET", "app",
            "SERVICES", "naive-db-fsync naive-db-nosync",
            "PORT", "80",
            "WRITERS", "2",
            "READ_PERCENT", "20",
            "BATCH_PERCENT", "10",
            "BATCH_SIZE", "50"),
        withoutImage(step.script().env()));
    assertEquals(70, LOAD.writePercent());
    assertEquals(
        "{{workflow.parameters.writes-seconds}}", step.arguments().get("duration-seconds"));
    assertEquals("1500", LOAD.durationParam().defaultValue());
    assertEquals(
        List.of(
            "writes",
            "reads",
            "batch-writes",
            "writes-per-second",
            "slowest",
            "writers",
            "duration-seconds"),
        step.outputNames());
  }

  @Test
  void sharesThatCannotBeAndEmptyLoadsAreRefused() {
    DbWriteLoad one = DbWriteLoad.k6("app", "db");
    assertEquals(100, one.writePercent());
    assertThrows(IllegalArgumentException.class, () -> DbWriteLoad.k6("app"));
    assertThrows(IllegalArgumentException.class, () -> one.writers(0));
    assertThrows(IllegalArgumentException.class, () -> one.reads(60).batches(50, 10));
    assertThrows(IllegalArgumentException.class, () -> one.reads(-1));
    assertThrows(IllegalArgumentException.class, () -> one.batches(10, 0));
    assertThrows(IllegalArgumentException.class, () -> one.duration(Duration.ofMillis(500)));
  }

  @Test
  void theScriptAppliesTheJobAndReportsWhatTheDatabasesServed(@TempDir Path dir) throws Exception {
    Result run = run(dir, LOAD.step(), "1500");
    assertEquals(0, run.exit(), run.log());

    JsonNode job = LabYaml.readTree(run.applied());
    assertEquals("Job", job.path("kind").asText());
    JsonNode container = job.path("spec").path("template").path("spec").path("containers").get(0);
    assertEquals(LabSteps.K6_IMAGE, container.path("image").asText());
    Map<String, String> env = new TreeMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    assertEquals("naive-db-fsync naive-db-nosync", env.get("SERVICES"));
    assertEquals("exp", env.get("NAMESPACE"));
    assertEquals("1500s", env.get("DURATION"));
    assertEquals("50", env.get("BATCH_SIZE"));
    String shell = container.path("args").get(0).asText();
    assertTrue(shell.contains("k6 run --quiet --no-summary --no-thresholds"), shell);
    String js = shell.substring(shell.indexOf("<<'JS'\n") + 7, shell.indexOf("\nJS\n"));
    assertTrue(js.contains("executor: 'constant-vus'"), js);
    assertParses(dir, js);

    // the stand-in counters: fsync 10 -> 30010 writes, nosync 0 -> 150000; reads 5000 each
    assertEquals("180000", run.outputs().get("writes"));
    assertEquals("10000", run.outputs().get("reads"));
    assertEquals("2000", run.outputs().get("batch-writes"));
    assertEquals("120.0", run.outputs().get("writes-per-second"));
    assertEquals("naive-db-fsync:20.0", run.outputs().get("slowest"));
    assertEquals("2", run.outputs().get("writers"));
    assertEquals("1500", run.outputs().get("duration-seconds"));
  }

  @Test
  void aDatabaseThatServedNoWriteFailsTheStepNamingIt(@TempDir Path dir) throws Exception {
    DbWriteLoad load = DbWriteLoad.k6("app", "naive-db-fsync", "naive-db-stuck");
    Result run = run(dir, load.step(), "60");
    assertEquals(1, run.exit(), run.log());
    assertTrue(run.log().contains("naive-db-stuck served no write"), run.log());
  }

  private static Map<String, String> withoutImage(Map<String, String> env) {
    Map<String, String> rest = new HashMap<>(env);
    assertEquals(LabSteps.K6_IMAGE, rest.remove("K6_IMAGE"));
    return rest;
  }

  private record Result(int exit, String log, String applied, Map<String, String> outputs) {}

  /**
   * Runs the step's script with sh, /tmp moved into {@code dir}, against a stand-in kubectl: each
   * Service's metrics say 10 fsync writes (0 for the others) before the Job, and after it 30,000
   * more writes for naive-db-fsync, 150,000 for naive-db-nosync, none for naive-db-stuck, with
   * 5,000 reads and 1,000 batch writes for those that move.
   */
  private static Result run(Path dir, StepDef step, String seconds) throws Exception {
    Path sh = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(sh), "no /bin/sh");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path kubectl = bin.resolve("kubectl");
    Files.writeString(
        kubectl,
        String.join(
            "\n",
            "#!/bin/sh",
            "state=" + dir.resolve("after"),
            "case \"$*\" in",
            "  *'get --raw'*)",
            "    for a in \"$@\"; do case $a in */services/*) svc=${a#*/services/} ;; esac; done",
            "    svc=${svc%%:*}",
            "    w=0; r=0; b=0",
            "    [ \"$svc\" = naive-db-fsync ] && w=10",
            "    if [ -f \"$state\" ]; then",
            "      case $svc in",
            "        naive-db-fsync) w=30010; r=5000; b=1000 ;;",
            "        naive-db-nosync) w=150000; r=5000; b=1000 ;;",
            "      esac",
            "    fi",
            "    echo '# TYPE naivedb_operations_total counter'",
            "    [ \"$w\" -gt 0 ] && echo \"naivedb_operations_total{op=\\\"write\\\"} $w\"",
            "    [ \"$r\" -gt 0 ] && echo \"naivedb_operations_total{op=\\\"read\\\"} $r\"",
            "    echo \"naivedb_operations_total{op=\\\"batch_write\\\"} $b\"",
            "    echo 'naivedb_rows_total 1'",
            "    ;;",
            "  *apply*) cat > " + dir.resolve("applied.yaml") + " ;;",
            "  *wait*) touch \"$state\" ;;",
            "  *logs*) echo 'k6 done' ;;",
            "esac",
            "exit 0",
            ""));
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    String source = step.script().source().replace("/tmp/", tmp + "/");
    Path script = dir.resolve("step.sh");
    Files.writeString(script, source);
    ProcessBuilder process = new ProcessBuilder(sh.toString(), script.toString());
    Map<String, String> env = process.environment();
    env.putAll(step.script().env());
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("EXPERIMENT_NAME", "exp");
    env.put("ENDPOINT", "https://kubernetes.default.svc");
    env.put("DURATION_SECONDS", seconds);
    process.redirectErrorStream(true);
    Process started = process.start();
    assertTrue(started.waitFor(60, TimeUnit.SECONDS), "the script ended");
    String log = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> outputs = new TreeMap<>();
    Path out = tmp.resolve("outputs");
    if (Files.isDirectory(out)) {
      try (var files = Files.list(out)) {
        for (Path file : files.toList()) {
          outputs.put(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    Path applied = dir.resolve("applied.yaml");
    return new Result(
        started.exitValue(), log, Files.exists(applied) ? Files.readString(applied) : "", outputs);
  }

  /** node --check parses the k6 script as a module (k6's imports are not resolved). */
  private static void assertParses(Path dir, String js) throws IOException, InterruptedException {
    Path node = Path.of("/usr/bin/node");
    if (!Files.isExecutable(node)) {
      return; // the Job's JSON and env were checked; the JavaScript only where node is installed
    }
    Path file = dir.resolve("load.mjs");
    Files.writeString(file, js);
    Process check = new ProcessBuilder(node.toString(), "--check", file.toString()).start();
    assertTrue(check.waitFor(30, TimeUnit.SECONDS));
    assertEquals(
        0,
        check.exitValue(),
        new String(check.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
