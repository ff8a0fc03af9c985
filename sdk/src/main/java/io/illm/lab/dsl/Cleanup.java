package io.illm.lab.dsl;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.rules.Findings;
import java.time.Duration;

/**
 * What happens to clusters when an experiment ends one way: {@link Lab#delete()} or {@link
 * Lab#retain(Duration)}. Cloud resources are always deleted in the end; retain only delays it.
 *
 * @param action delete or retain
 * @param retainFor how long to keep them with retain; null leaves it to the operator (1h)
 */
public record Cleanup(CleanupAction action, Duration retainFor) {

  CleanupRule rule(Findings findings, String path) {
    return new CleanupRule(action, findings.duration(path + ".retainFor", retainFor));
  }
}
