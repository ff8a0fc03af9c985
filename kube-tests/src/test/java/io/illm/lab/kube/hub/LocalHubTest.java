package io.illm.lab.kube.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import io.illm.lab.hub.local.HubFolder;
import io.illm.lab.hub.local.HubProcess;
import io.illm.lab.hub.local.LocalHub;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.Kubectl;
import io.illm.lab.kube.RealLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "A real hub on your machine", as a user types it: {@code ./lab hub up}, {@code
 * kubectl get experiments -w} in one terminal, {@code ./lab submit hello-app} in another, {@code
 * ./lab hub status}, {@code ./lab hub down}; with the hub's own etcd, kube-apiserver,
 * kube-controller-manager and operator JVM, none of which may be left running.
 */
class LocalHubTest {

  @TempDir static Path temp;
  private static KubeBinaries binaries;
  private static HubFolder folder;

  @BeforeAll
  static void built() {
    binaries = KubeBinaries.orSkip();
    folder = new HubFolder(temp.resolve("hub"));
  }

  @AfterAll
  static void down() {
    if (folder != null) {
      LocalHub.down(folder);
    }
  }

  @Test
  void upWatchSubmitStatusDown() throws Exception {
    Run up = lab("hub", "up", "--results", temp.resolve("results").toString());
    assertEquals(0, up.code(), up.toString());
    assertEquals("export KUBECONFIG=" + folder.kubeconfig(), up.out().strip(), up.toString());
    assertTrue(up.err().contains("SIMULATED"), up.toString());
    List<HubProcess> processes = LocalHub.statusOf(folder).orElseThrow().processes();
    assertEquals(
        List.of("etcd", "kube-apiserver", "kube-controller-manager", "operator"),
        processes.stream().map(HubProcess::name).toList());

    Path watched = temp.resolve("watch.out");
    Kubectl kubectl = new Kubectl(binaries.kubectl(), folder.kubeconfig());
    Process watch = kubectl.start(watched, temp.resolve("watch.err"), "get", "experiments", "-w");
    Run submitted;
    try {
      submitted = lab("submit", "hello-app", "--kubeconfig", folder.kubeconfig().toString());
      assertEquals(0, submitted.code(), submitted.toString());
      assertTrue(submitted.out().contains("hello-app: Complete"), submitted.toString());
      RealLab.await(
          "kubectl -w shows Complete",
          () -> read(watched).contains("Complete"),
          Duration.ofSeconds(30),
          () -> read(watched));
    } finally {
      Kubectl.stop(watch);
    }
    List<String> lines = read(watched).lines().toList();
    assertEquals(
        List.of("NAME", "PHASE", "TARGETS", "WORKFLOW", "VERDICT", "CLEANED", "AGE"),
        List.of(lines.get(0).trim().split("\\s+")),
        read(watched));
    assertEquals(
        phases(submitted.out()),
        watchedPhases(lines),
        "./lab submit and kubectl -w see the same phases\n" + submitted.out() + read(watched));

    Run status = lab("hub", "status");
    assertEquals(0, status.code(), status.toString());
    assertTrue(
        status.out().contains("kube-apiserver") && status.out().contains("(ready)"),
        status.toString());

    Run down = lab("hub", "down");
    assertEquals(0, down.code(), down.toString());
    assertTrue(down.err().contains("stopped operator"), down.toString());
    for (HubProcess process : processes) {
      assertFalse(process.running(), process.name() + " still runs after down");
    }
    assertFalse(Files.exists(folder.root()), "down removes the hub's folder");
    Run after = lab("hub", "status");
    assertEquals(1, after.code(), after.toString());
    assertTrue(after.out().contains("not up"), after.toString());
  }

  private record Run(int code, String out, String err) {}

  private static final Set<String> PHASES =
      Set.of("Pending", "Provisioning", "Ready", "Running", "Complete", "Failed");

  /** The phases in ./lab submit's progress lines ("[elapsed 2s] Provisioning ..."), but Pending. */
  private static Set<String> phases(String progress) {
    Set<String> phases = new TreeSet<>();
    Matcher matcher = Pattern.compile("(?m)^\\[elapsed [^]]*\\] (\\w+)").matcher(progress);
    while (matcher.find()) {
      phases.add(matcher.group(1));
    }
    phases.remove("Pending");
    return phases;
  }

  /**
   * The PHASE column of kubectl's lines where it is set (each watched line is aligned on its own,
   * so the column is the second word when it is a phase).
   */
  private static Set<String> watchedPhases(List<String> lines) {
    Set<String> phases = new TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] words = line.trim().split("\\s+");
      if (words.length > 1 && PHASES.contains(words[1])) {
        phases.add(words[1]);
      }
    }
    return phases;
  }

  private static Run lab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    int n = args.length;
    boolean hub = args[0].equals("hub");
    full[n] = "--root";
    full[n + 1] = KubeBinaries.ROOT.toString();
    full[n + 2] = hub ? "--state" : "--output";
    full[n + 3] = hub ? folder.root().toString() : "human";
    int code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(full);
    return new Run(code, out.toString(), err.toString());
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
