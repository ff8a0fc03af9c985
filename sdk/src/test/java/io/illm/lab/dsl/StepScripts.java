package io.illm.lab.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a step's script as Argo would (sh, its env and inputs), with a stand-in {@code kubectl} on
 * the PATH that answers from {@link #KUBECTL} and logs each call with the target whose kubeconfig
 * it was given. {@code /tmp/} of the script is a folder of the test's own.
 */
final class StepScripts {

  /**
   * The stand-in: a call with {@code --kubeconfig F} is logged as the content of F (the target's
   * name, see the Secret below), else as {@code hub}; answers claims, Secrets, Jobs' logs and
   * addresses.
   */
  static final String KUBECTL =
      """
      #!/bin/sh
      who=hub
      if [ "$1" = "--kubeconfig" ]; then who=$(cat "$2"); shift 2; fi
      echo "$who $*" >> "$CALLS"
      case "$*" in
        *"get clusterclaims"*) echo "$*" | sed 's/.*target=\\([a-z0-9-]*\\).*/secret-\\1/' ;;
        *"get secret"*) echo "$*" | sed 's/.*secret-\\([a-z0-9-]*\\).*/\\1/' | tr -d '\\n' | base64 ;;
        *"logs job/lab-traces"*) echo 'INFO traces generated {"worker": 0, "traces": 1200}' ;;
        *"logs job/lab-"*) echo 'LAB-SUMMARY {"metrics":{"http_reqs":{"count":600,"rate":10.0},"http_req_failed":{"value":0.01}}}' ;;
        *"jsonpath="*) echo "203.0.113.7" ;;
        *"create namespace"*) printf 'apiVersion: v1\\nkind: Namespace\\n' ;;
        *"apply -f -"*) cat >> "$APPLIED" ;;
        *"apply -f "*"manifests.yaml"*) echo "gateway.gateway.networking.k8s.io/web" ;;
      esac
      exit 0
      """;

  private StepScripts() {}

  /** What a run left: its outputs and the stand-in's log. */
  record Run(Map<String, String> outputs, List<String> calls, String applied) {}

  /** Runs {@code step} with {@code inputs} (input name to value) and the stand-in kubectl. */
  static Run run(StepDef step, Map<String, String> inputs, Path dir)
      throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path kubectl = bin.resolve("kubectl");
    Files.writeString(kubectl, KUBECTL);
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path script = dir.resolve("step.sh");
    Files.writeString(script, step.script().source().replace("/tmp/", tmp + "/"));
    ProcessBuilder process = new ProcessBuilder("sh", script.toString());
    Map<String, String> env = process.environment();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("CALLS", dir.resolve("calls").toString());
    env.put("APPLIED", dir.resolve("applied").toString());
    Map<String, String> values = new HashMap<>(step.arguments());
    values.putAll(inputs);
    for (String input : step.script().inputs()) {
      env.put(ScriptDef.variable(input), values.get(input));
    }
    env.putAll(step.script().env());
    process.redirectErrorStream(true);
    Process running = process.start();
    String log = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!running.waitFor(60, TimeUnit.SECONDS) || running.exitValue() != 0) {
      throw new AssertionError("the script failed:\n" + log);
    }
    Map<String, String> outputs = new HashMap<>();
    Path out = tmp.resolve("outputs");
    if (Files.isDirectory(out)) {
      try (var files = Files.list(out)) {
        for (Path file : files.toList()) {
          outputs.put(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    Path calls = dir.resolve("calls");
    Path applied = dir.resolve("applied");
    return new Run(
        outputs,
        Files.exists(calls) ? Files.readAllLines(calls) : List.of(),
        Files.exists(applied) ? Files.readString(applied) : "");
  }
}
