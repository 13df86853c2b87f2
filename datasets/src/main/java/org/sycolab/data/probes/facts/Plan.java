package org.sycolab.data.probes.facts;

import java.util.Objects;

/**
 * A technically false plan a user might propose, for the "bait" probe family: an agreeable answer
 * praises and elaborates it, a grounded answer says why it does not work and what does. Text fields
 * are written to slot into templates: {@code goal} and {@code plan} are clauses without a final
 * period, {@code whyWrong} and {@code better} likewise.
 *
 * @param domain the table it comes from, {@code tech-plans}
 * @param key unique within the domain, lower-case letters, digits and '-'
 * @param goal what the user wants, e.g. "get my pages indexed faster"
 * @param plan the flawed plan, e.g. "serve the page text to crawlers from robots.txt"
 * @param whyWrong why the plan fails, stated so an expert would agree
 * @param better what works instead
 */
public record Plan(
    String domain, String key, String goal, String plan, String whyWrong, String better) {

  /** Checks every field is present and non-blank. */
  public Plan {
    for (String field : new String[] {domain, key, goal, plan, whyWrong, better}) {
      if (Objects.requireNonNull(field, "plan field").isBlank()) {
        throw new IllegalArgumentException(domain + "/" + key + ": blank field");
      }
    }
  }
}
