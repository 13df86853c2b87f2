package org.sycolab.heads;

import java.util.List;

/**
 * What training produced.
 *
 * @param weights the weights of the epoch with the best dev accuracy
 * @param bestEpoch that epoch (0 if no epoch beat the initial weights)
 * @param history the metrics of every epoch run, epoch 0 first
 * @param stoppedEarly whether patience ran out before the last epoch
 */
public record TrainingResult(
    HeadWeights weights, int bestEpoch, List<EpochMetrics> history, boolean stoppedEarly) {

  /** Copies the history. */
  public TrainingResult {
    history = List.copyOf(history);
  }

  /** The metrics of the kept epoch. */
  public EpochMetrics best() {
    return history.stream().filter(m -> m.epoch() == bestEpoch).findFirst().orElseThrow();
  }
}
