package io.illm.lab.dsl;

import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.SuccessCriterion;
import java.util.ArrayList;
import java.util.List;

/** What the experiment sets out to show and how it is judged; made with {@link Lab#hypothesis}. */
public final class HypothesisDef {

  private final String claim;
  private final List<String> questions = new ArrayList<>();
  private final List<String> focus = new ArrayList<>();
  private final List<Criterion> criteria = new ArrayList<>();

  HypothesisDef(String claim) {
    this.claim = claim;
  }

  /**
   * A question the experiment should answer; repeat for more.
   *
   * <p>Default: none.
   */
  public HypothesisDef question(String question) {
    questions.add(question);
    return this;
  }

  /**
   * An area to focus the analysis on; repeat for more.
   *
   * <p>Default: none.
   */
  public HypothesisDef focus(String area) {
    focus.add(area);
    return this;
  }

  /**
   * A success criterion, e.g. {@code expect("p95_latency").below(250)} or {@code
   * expect("memory").of("vm").below("prom")}; repeat (or pass several): the hypothesis is validated
   * when all hold.
   *
   * <p>Default: none (the verdict is left to people).
   */
  public HypothesisDef criterion(Criterion... criteria) {
    this.criteria.addAll(List.of(criteria));
    return this;
  }

  /**
   * Several criteria made in one call, e.g. by a matrix: {@code
   * criteria(TSDBS.expect("memory").of("vm").below("prom"))}; repeat for more.
   *
   * <p>Default: none.
   */
  public HypothesisDef criteria(Criteria... sets) {
    for (Criteria set : sets) {
      set.forEach(criteria::add);
    }
    return this;
  }

  Hypothesis hypothesis() {
    List<SuccessCriterion> successCriteria = new ArrayList<>();
    criteria.forEach(c -> successCriteria.add(c.criterion()));
    return new Hypothesis(
        claim,
        copyOrNull(questions),
        copyOrNull(focus),
        successCriteria.isEmpty() ? null : successCriteria);
  }

  private static List<String> copyOrNull(List<String> list) {
    return list.isEmpty() ? null : new ArrayList<>(list);
  }
}
