package io.illm.lab.dsl;

import java.util.Iterator;
import java.util.List;

/**
 * Several criteria made in one call, e.g. one per provider by a {@link TargetMatrix}; added with
 * {@link HypothesisDef#criteria}. Immutable.
 */
public final class Criteria implements Iterable<Criterion> {

  private final List<Criterion> criteria;

  Criteria(List<Criterion> criteria) {
    this.criteria = List.copyOf(criteria);
  }

  /**
   * The same criteria, each with this description.
   *
   * <p>Default: no description.
   */
  public Criteria describe(String description) {
    return new Criteria(criteria.stream().map(c -> c.describe(description)).toList());
  }

  /** How many. */
  public int size() {
    return criteria.size();
  }

  @Override
  public Iterator<Criterion> iterator() {
    return criteria.iterator();
  }
}
