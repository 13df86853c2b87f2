package org.sycolab.cli.doctor;

/** The Java runtime is 17 or newer. */
public final class JavaCheck implements Check {

  static final int REQUIRED = 17;

  @Override
  public CheckResult run() {
    Runtime.Version version = Runtime.version();
    String detail =
        "Java " + version + " (" + System.getProperty("java.vm.vendor", "unknown vendor") + ")";
    if (version.feature() < REQUIRED) {
      return CheckResult.fail(
          "java", detail, "install Java " + REQUIRED + " or newer and put it first on PATH");
    }
    return CheckResult.ok("java", detail);
  }
}
