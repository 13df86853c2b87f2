package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link LogprobStage} scored and wrote.
 *
 * @param directory where {@code pools.jsonl} and the manifest were written
 * @param model the model as it was asked for ({@code --model})
 * @param pools pools scored
 * @param candidates candidates scored
 * @param tokens tokens whose log-probability counted, over all candidates
 * @param headsCut candidates whose conversation was cut at its start to fit
 * @param perToken whether each {@code ref_logprob} is a mean per token rather than a sum
 * @param modelSeconds seconds the model spent scoring
 * @param seconds seconds in all, from reading the pools to the manifest's completion
 */
public record LogprobOutcome(
    Path directory,
    String model,
    int pools,
    int candidates,
    long tokens,
    int headsCut,
    boolean perToken,
    double modelSeconds,
    double seconds)
    implements StageOutcome {

  /** Counted tokens scored per second of model time; 0 when none took any. */
  public double tokensPerSecond() {
    return modelSeconds <= 0 ? 0 : tokens / modelSeconds;
  }

  /** One line: what was scored, how fast, how many heads were cut, and where it went. */
  @Override
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "scored %d candidates of %d pools with %s: ref_logprob = %s over %d tokens"
            + " (%.0f tokens/s); %d conversations cut at their start; %.1f s in all; wrote %s%n",
        candidates,
        pools,
        model,
        perToken ? "mean log-probability per token" : "sum of log-probabilities",
        tokens,
        tokensPerSecond(),
        headsCut,
        seconds,
        directory);
  }
}
