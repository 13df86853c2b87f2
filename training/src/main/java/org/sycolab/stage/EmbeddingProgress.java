package org.sycolab.stage;

import org.sycolab.features.FeatureExtractor;

/**
 * The progress of an embedding on a {@link StageConsole}: one display counting the texts computed,
 * and the seconds the model spent on them.
 */
public final class EmbeddingProgress implements FeatureExtractor.Progress, AutoCloseable {

  private final StageConsole console;
  private final String label;
  private StageConsole.Progress display;
  private long startNanos;
  private long lastNanos;

  /** Reports on {@code console}, labelled {@code embed}. */
  public EmbeddingProgress(StageConsole console) {
    this(console, "embed");
  }

  /** Reports on {@code console} under {@code label}. */
  public EmbeddingProgress(StageConsole console, String label) {
    this.console = console;
    this.label = label;
  }

  @Override
  public void start(int toCompute) {
    display = console.progress(label, "texts", toCompute);
    startNanos = System.nanoTime();
    lastNanos = startNanos;
  }

  @Override
  public void advance(int computed) {
    display.step(computed);
    lastNanos = System.nanoTime();
  }

  /** Seconds spent embedding, from the first text computed to the last. */
  public double seconds() {
    return (lastNanos - startNanos) / 1e9;
  }

  @Override
  public void close() {
    if (display != null) {
      display.close();
    }
  }
}
