package org.sycolab.pull;

/**
 * Pools a row of {@code pull.csv} is measured over: all of them, one family, or one domain.
 *
 * @param family a family name, or {@link #ALL}
 * @param domain a domain name, or {@link #ALL}
 */
public record PoolGroup(String family, String domain) {
  /** The name standing for no restriction. */
  public static final String ALL = "all";

  /** Every pool. */
  public static PoolGroup all() {
    return new PoolGroup(ALL, ALL);
  }

  /** Whether this is the aggregate over every pool. */
  public boolean isAll() {
    return family.equals(ALL) && domain.equals(ALL);
  }
}
