package io.illm.lab.operator.results;

/** The sample runs, for the tests of {@code ./lab results} in the cli package. */
public final class ResultsCommandFixtures {

  private ResultsCommandFixtures() {}

  public static RunFiles files(String experiment, String uid, String startedAt) {
    return SampleRuns.files(experiment, uid, startedAt);
  }
}
