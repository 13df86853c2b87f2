package org.sycolab.stage;

import java.util.ArrayList;
import java.util.List;

/** A console that keeps what a stage says, for tests; details are asked for. */
final class RecordingConsole implements StageConsole {

  final List<String> warnings = new ArrayList<>();
  final List<String> infos = new ArrayList<>();
  final List<String> details = new ArrayList<>();

  /** {@code label unit total steps} of every progress display, once closed. */
  final List<String> progress = new ArrayList<>();

  @Override
  public synchronized void warn(String message) {
    warnings.add(message);
  }

  @Override
  public synchronized void info(String message) {
    infos.add(message);
  }

  @Override
  public synchronized void detail(String message) {
    details.add(message);
  }

  @Override
  public boolean detailed() {
    return true;
  }

  @Override
  public Progress progress(String label, String unit, long total) {
    return new Progress() {
      private long done;

      @Override
      public void step(long n) {
        done += n;
      }

      @Override
      public void close() {
        synchronized (RecordingConsole.this) {
          progress.add(label + " " + unit + " " + total + " " + done);
        }
      }
    };
  }
}
