package org.sycolab.heads;

/**
 * How a head is trained with the Bradley–Terry loss −log σ(r_c − r_r − margin) + centring·(r_c +
 * r_r)², averaged over a mini-batch, and AdamW.
 *
 * @param epochs the most passes over the training pairs
 * @param batchSize pairs per optimiser step
 * @param learningRate AdamW's step size
 * @param weightDecay AdamW's decoupled weight decay
 * @param margin subtracted from r_c − r_r inside the loss
 * @param centring coefficient of the (r_c + r_r)² term that keeps scores centred on zero
 * @param patience epochs without a better dev accuracy before training stops
 * @param seed initial weights, pair order and dropout
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    double learningRate,
    double weightDecay,
    double margin,
    double centring,
    int patience,
    long seed) {

  /** Default most passes over the training pairs. */
  public static final int EPOCHS = 30;

  /** Default pairs per optimiser step. */
  public static final int BATCH_SIZE = 64;

  /** Default AdamW step size. */
  public static final double LEARNING_RATE = 1e-2;

  /** Default AdamW decoupled weight decay. */
  public static final double WEIGHT_DECAY = 0.01;

  /** Default margin inside the loss. */
  public static final double MARGIN = 0;

  /** Default coefficient of the centring term. */
  public static final double CENTRING = 0;

  /** Default epochs without a better dev accuracy before training stops. */
  public static final int PATIENCE = 10;

  /** The defaults of {@code sycolab train} (its options read the constants above). */
  public static TrainingConfig defaults(long seed) {
    return new TrainingConfig(
        EPOCHS, BATCH_SIZE, LEARNING_RATE, WEIGHT_DECAY, MARGIN, CENTRING, PATIENCE, seed);
  }

  /** Checks the ranges. */
  public TrainingConfig {
    positive("epochs", epochs);
    positive("batch size", batchSize);
    positive("patience", patience);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    nonNegative("weight decay", weightDecay);
    nonNegative("margin", margin);
    nonNegative("centring", centring);
    // -0.0 passes the checks; as 0.0 it is written, compared and recorded as the zero it means.
    weightDecay += 0.0;
    margin += 0.0;
    centring += 0.0;
  }

  /** This config with another seed. */
  public TrainingConfig withSeed(long newSeed) {
    return new TrainingConfig(
        epochs, batchSize, learningRate, weightDecay, margin, centring, patience, newSeed);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be zero or positive, got " + value);
    }
  }
}
