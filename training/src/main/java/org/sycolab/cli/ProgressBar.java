package org.sycolab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on standard error for long work: count, percentage when the total is
 * known, and rate. Redrawn at most every {@link #REDRAW_NANOS}, only when enabled (a terminal, and
 * not {@code -q}); otherwise every call is a no-op, so pipes and logs stay clean.
 */
final class ProgressBar implements AutoCloseable {

  static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final String label;
  private final String unit;
  private final long total;
  private final boolean enabled;
  private final LongSupplier clock;
  private final long start;
  private long done;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(
      PrintWriter err,
      String label,
      String unit,
      long total,
      boolean enabled,
      LongSupplier nanoClock) {
    this.err = err;
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.enabled = enabled;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastDraw = start;
  }

  /** A bar for an interactive terminal unless {@code -q}; {@code total} is -1 when unknown. */
  static ProgressBar on(PrintWriter err, String label, String unit, long total, Verbosity v) {
    boolean terminal = System.console() != null;
    return new ProgressBar(err, label, unit, total, terminal && v.chatty(), System::nanoTime);
  }

  /** Records {@code n} more units done. */
  void step(long n) {
    done += n;
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(now);
    }
  }

  /** The current line, as drawn. */
  String line(long now) {
    double seconds = Math.max((now - start) / 1e9, 1e-9);
    String rate = String.format(Locale.ROOT, "%,.0f %s/s", done / seconds, unit);
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s %,d %s, %s", label, done, unit, rate);
    }
    double fraction = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3.0f%% %,d/%,d %s, %s",
        label,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        fraction * 100,
        done,
        total,
        unit,
        rate);
  }

  private void draw(long now) {
    err.print("\r" + line(now) + "\u001b[K");
    err.flush();
    drawn = true;
  }

  /** Clears the line if anything was drawn. */
  @Override
  public void close() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
