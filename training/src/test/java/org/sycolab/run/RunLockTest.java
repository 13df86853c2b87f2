package org.sycolab.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

  @TempDir Path tmp;

  @Test
  void aHeldLockRefusesASecondHolderUntilReleased() throws IOException {
    Path file = tmp.resolve("run/.lock");
    try (RunLock held = RunLock.acquire(file, "run r")) {
      assertThatThrownBy(() -> RunLock.acquire(file, "run r"))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "run r is in use by another process (it holds " + file + "); wait for it to end");
    }
    RunLock.acquire(file, "run r").close();
  }
}
