package org.sycolab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

  @TempDir Path tmp;

  @Test
  void aLockHeldByAnotherProcessRefusesUntilThatProcessEnds() throws Exception {
    Path file = tmp.resolve("run/.lock");
    Path ready = tmp.resolve("ready");
    // A child JVM takes the lock, says so, and holds it until its standard input closes.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Holder.class.getName(),
                    file.toString(),
                    ready.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      for (int i = 0; i < 300 && !Files.exists(ready); i++) {
        Thread.sleep(50);
      }
      assertThat(ready).as("the child took the lock").exists();
      assertThatThrownBy(() -> RunLock.acquire(file, "run r"))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "run r is in use by another process (it holds " + file + "); wait for it to end");
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    RunLock.acquire(file, "run r").close();
  }

  @Test
  void aLockThisProcessHoldsIsNamedAsSuch() throws IOException {
    Path file = tmp.resolve("run/.lock");
    try (RunLock held = RunLock.acquire(file, "run r")) {
      assertThatThrownBy(() -> RunLock.acquire(file, "run r"))
          .hasMessage("run r is already in use in this process (it holds " + file + ")");
    }
  }

  /** Holds a lock for the test above: args are the lock file and a file to create once held. */
  static final class Holder {
    public static void main(String[] args) throws Exception {
      try (RunLock lock = RunLock.acquire(Path.of(args[0]), "run")) {
        Files.createFile(Path.of(args[1]));
        while (System.in.read() >= 0) {
          // hold until the parent closes our standard input
        }
      }
    }
  }
}
