package io.illm.lab.cli.mcp;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a server is made of besides its tools: the secrets it must never show, its audit log, and
 * the runner every tool call goes through.
 *
 * @param lab the lab and its policy
 * @param secrets the values never to show
 * @param audit the audit log
 * @param runner the tool runner
 */
record Wiring(Lab lab, Secrets secrets, AuditLog audit, ToolRunner runner) {

  /**
   * The server's parts for {@code lab}, its audit log in {@code auditFile}, secrets of {@code env}.
   */
  static Wiring of(Lab lab, Path auditFile, Map<String, String> env) {
    Secrets secrets = Secrets.of(env, kubeconfigs(lab, env));
    AuditLog audit = new AuditLog(auditFile, secrets, lab.clock());
    return new Wiring(lab, secrets, audit, new ToolRunner(audit, secrets, lab.clock()));
  }

  /** The kubeconfig files the server may read credentials from, as kubectl finds them. */
  static List<Path> kubeconfigs(Lab lab, Map<String, String> env) {
    if (lab.kubeconfig().isPresent()) {
      return List.of(lab.kubeconfig().get());
    }
    List<Path> files = new ArrayList<>();
    String variable = env.get("KUBECONFIG");
    if (variable != null && !variable.isBlank()) {
      for (String part : variable.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          files.add(Path.of(part));
        }
      }
      return files;
    }
    files.add(Path.of(System.getProperty("user.home"), ".kube", "config"));
    return files;
  }
}
