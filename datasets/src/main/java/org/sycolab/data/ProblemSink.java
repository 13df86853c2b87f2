package org.sycolab.data;

/** Where parsing reports what is wrong with a line; parsing goes on to find every problem. */
@FunctionalInterface
public interface ProblemSink {

  /** Reports that {@code field} (empty for the whole line) is not what was expected. */
  void report(String field, String message);
}
