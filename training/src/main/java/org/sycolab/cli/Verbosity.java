package org.sycolab.cli;

/** How much the command says: {@code -q} errors only, default warnings, {@code -v} details. */
public enum Verbosity {
  QUIET,
  NORMAL,
  VERBOSE,
  DEBUG;

  /**
   * Configures the slf4j-simple binding. Must run before the first logger is created, which is why
   * {@link Main} applies it after parsing the command line and before running the command. DJL's
   * own INFO messages stay off unless {@code -v} is given.
   */
  void applyToLogging() {
    String sycolab;
    String djl;
    String rest;
    switch (this) {
      case QUIET -> {
        sycolab = "error";
        djl = "error";
        rest = "error";
      }
      case NORMAL -> {
        sycolab = "info";
        djl = "warn";
        rest = "warn";
      }
      case VERBOSE -> {
        sycolab = "debug";
        djl = "info";
        rest = "info";
      }
      default -> {
        sycolab = "trace";
        djl = "debug";
        rest = "debug";
      }
    }
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", rest);
    setIfAbsent("org.slf4j.simpleLogger.log.org.sycolab", sycolab);
    setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", djl);
    // Without a driver, DJL warns on every GPU count; doctor and --device report that instead.
    setIfAbsent(
        "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils",
        this == VERBOSE || this == DEBUG ? djl : "error");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
  }

  /** True when progress bars and informational lines should be printed. */
  public boolean chatty() {
    return this != QUIET;
  }

  /** Verbosity from the {@code -v} count and {@code -q} flag. */
  static Verbosity of(int verboseCount, boolean quiet) {
    if (quiet) {
      return QUIET;
    }
    return switch (verboseCount) {
      case 0 -> NORMAL;
      case 1 -> VERBOSE;
      default -> DEBUG;
    };
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
