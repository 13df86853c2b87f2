package org.sycolab.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link AtomicFilesTest}: starts an atomic write, gets half the content onto
 * disk, then halts the JVM the way a kill or power cut would, with no cleanup.
 */
public final class CrashingWriter {

  static final int EXIT_STATUS = 42;

  private CrashingWriter() {}

  public static void main(String[] args) throws Exception {
    byte[] half =
        "{\"id\":\"half\",\"prompt\":\"written before the cr".getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(
        Path.of(args[0]),
        out -> {
          out.write(half);
          out.flush();
          Runtime.getRuntime().halt(EXIT_STATUS);
        });
    System.exit(0);
  }
}
