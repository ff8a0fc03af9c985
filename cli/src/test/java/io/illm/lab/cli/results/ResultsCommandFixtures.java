package io.illm.lab.cli.results;

import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.SampleRuns;

/** The sample runs, for the tests of {@code ./lab results} in the cli package. */
public final class ResultsCommandFixtures {

  private ResultsCommandFixtures() {}

  public static RunFiles files(String experiment, String uid, String startedAt) {
    return SampleRuns.files(experiment, uid, startedAt);
  }
}
