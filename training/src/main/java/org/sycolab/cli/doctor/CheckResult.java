package org.sycolab.cli.doctor;

/**
 * The outcome of one environment check.
 *
 * @param name short name of what was checked
 * @param status ok, warn or fail
 * @param detail what was found
 * @param fix what to do about a warning or failure; empty when ok
 */
public record CheckResult(String name, Status status, String detail, String fix) {

  /** How a check came out. */
  public enum Status {
    OK,
    WARN,
    FAIL
  }

  /** A passed check. */
  public static CheckResult ok(String name, String detail) {
    return new CheckResult(name, Status.OK, detail, "");
  }

  /** A check that passed with a caveat. */
  public static CheckResult warn(String name, String detail, String fix) {
    return new CheckResult(name, Status.WARN, detail, fix);
  }

  /** A failed check. */
  public static CheckResult fail(String name, String detail, String fix) {
    return new CheckResult(name, Status.FAIL, detail, fix);
  }
}
