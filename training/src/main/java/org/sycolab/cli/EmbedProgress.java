package org.sycolab.cli;

import java.io.PrintWriter;
import org.sycolab.features.FeatureExtractor;

/** A progress bar over the texts a backbone embeds, and the time the embedding took. */
final class EmbedProgress implements FeatureExtractor.Progress, AutoCloseable {

  private final PrintWriter err;
  private final Verbosity verbosity;
  private ProgressBar bar;
  private long startNanos;
  private long lastNanos;

  EmbedProgress(PrintWriter err, Verbosity verbosity) {
    this.err = err;
    this.verbosity = verbosity;
  }

  @Override
  public void start(int toCompute) {
    bar = ProgressBar.on(err, "embed", "texts", toCompute, verbosity);
    startNanos = System.nanoTime();
    lastNanos = startNanos;
  }

  @Override
  public void advance(int computed) {
    bar.step(computed);
    lastNanos = System.nanoTime();
  }

  /** Seconds spent embedding. */
  double seconds() {
    return (lastNanos - startNanos) / 1e9;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
