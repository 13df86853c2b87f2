package org.sycolab.heads;

/**
 * A head's standing after an epoch (epoch 0: before training), each measured with the weights at
 * the end of the epoch and without dropout.
 *
 * @param epoch 0 for the initial weights, then 1, 2, …
 * @param trainLoss the training objective on the training pairs
 * @param trainAccuracy pairwise accuracy on the training pairs
 * @param devLoss the training objective on the dev pairs
 * @param devAccuracy pairwise accuracy on the dev pairs, which early stopping follows
 * @param seconds time spent on the epoch's optimiser steps
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double devLoss,
    double devAccuracy,
    double seconds) {}
