package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .github/workflows/ passes actionlint (the one tools/build.sh builds), which checks the workflow's
 * syntax, expressions, action inputs and permissions; and the release publishes the image under the
 * name the manifests and the admission policy expect.
 */
class ReleaseWorkflowTest {

  static final Path WORKFLOWS = Tools.ROOT.resolve(".github/workflows");

  @TempDir Path tmp;

  @Test
  void theWorkflowsPassActionlint() throws IOException {
    Path actionlint = Tools.orSkip("actionlint", "actionlint");
    Tools.Result r = Tools.run(Tools.ROOT, Map.of(), 120, actionlint.toString(), "-no-color");
    assertEquals(0, r.exit(), r.out() + r.err());
  }

  @Test
  void actionlintFailsAWorkflowWithAMistake() throws IOException {
    Path actionlint = Tools.orSkip("actionlint", "actionlint");
    String release = Files.readString(WORKFLOWS.resolve("release.yml"));
    Path broken = tmp.resolve("release.yml");
    // an output the push step does not set
    Files.writeString(
        broken, release.replace("steps.push.outputs.digest", "steps.pushed.outputs.digest"));
    Tools.Result r =
        Tools.run(Tools.ROOT, Map.of(), 120, actionlint.toString(), "-no-color", broken.toString());
    assertNotEquals(0, r.exit(), "actionlint found nothing in " + broken);
    assertTrue(r.out().contains("pushed"), r.out());
  }

  @Test
  void theReleasePushesTheImageTheManifestsAndThePolicyName() throws IOException {
    String release = Files.readString(WORKFLOWS.resolve("release.yml"));
    assertTrue(
        release.contains("IMAGE: ghcr.io/${{ github.repository_owner }}/illm-lab-operator"),
        "the image's name");
    String kustomization =
        Files.readString(Tools.ROOT.resolve("platform/operator/kustomization.yaml"));
    assertTrue(kustomization.contains("newName: ghcr.io/"), kustomization);
    assertTrue(kustomization.contains("/illm-lab-operator\n"), kustomization);
    // what is pushed is what the build made: the workflow compares the registry's digest with it
    assertTrue(release.contains("image/target/image/illm-lab-operator.digest"));
  }
}
