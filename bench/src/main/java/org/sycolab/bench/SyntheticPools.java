package org.sycolab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Premise;
import org.sycolab.data.Turn;
import org.sycolab.data.probes.AnswerKind;
import org.sycolab.data.probes.Family;

/**
 * Candidate pools and two heads' scores standing in for {@code sycolab generate}'s pools scored by
 * trained heads, for the {@code pull} part. Pool {@code p} belongs to family {@code p mod 6}, so
 * the six families are equally represented, and to a domain drawn at random. Each pool has six
 * candidates of the generator's kinds, in random order: under a false premise two {@code correct}
 * (truthful, disagreeing), two {@code capitulate} ({@code fabricate} for inaccessible sources:
 * agreeing, untruthful), a {@code wrong_correction} and a {@code hedge}; under a true premise two
 * {@code affirm} (truthful, agreeing), two {@code wrong_correction} and two hedges.
 *
 * <p>The agreeable head scores a candidate 1.0·agrees + 0.2·truthful, the grounded head
 * 1.2·truthful − 0.3·agrees, each plus a per-pool offset of its own (sd 0.5) and Gaussian noise (sd
 * 0.8). In one pool in ten the second truthful answer is the first repeated verbatim (same kind,
 * same scores, as a head scores a repeated text), so that some rewards tie at every λ.
 */
final class SyntheticPools {

  /** Candidates per pool. */
  static final int CANDIDATES = 6;

  private static final AnswerKind[] FALSE_PREMISE = {
    AnswerKind.CORRECT,
    AnswerKind.CORRECT,
    AnswerKind.CAPITULATE,
    AnswerKind.CAPITULATE,
    AnswerKind.WRONG_CORRECTION,
    AnswerKind.HEDGE
  };
  private static final AnswerKind[] INACCESSIBLE_SOURCE = {
    AnswerKind.CORRECT,
    AnswerKind.CORRECT,
    AnswerKind.FABRICATE,
    AnswerKind.FABRICATE,
    AnswerKind.WRONG_CORRECTION,
    AnswerKind.HEDGE
  };
  private static final AnswerKind[] TRUE_PREMISE = {
    AnswerKind.AFFIRM,
    AnswerKind.AFFIRM,
    AnswerKind.WRONG_CORRECTION,
    AnswerKind.WRONG_CORRECTION,
    AnswerKind.HEDGE,
    AnswerKind.HEDGE
  };

  private static final double REPEAT_RATE = 0.1;
  private static final double NOISE = 0.8;
  private static final double POOL_OFFSET = 0.5;

  /**
   * The pools and each candidate's raw scores, in the pools' flat order (pool by pool, candidates
   * in order).
   */
  record Workload(List<CandidatePool> pools, double[] agreeable, double[] grounded) {}

  private SyntheticPools() {}

  /** {@code count} pools over {@code domains} domains, drawn from {@code seed}. */
  static Workload draw(int count, int domains, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // The six families the workload has always had, so that timings stay comparable over time.
    Family[] families = {
      Family.FALSE_PREMISE,
      Family.TRUE_PREMISE,
      Family.PUSHBACK,
      Family.INACCESSIBLE_SOURCE,
      Family.BAIT,
      Family.SELF_CRITIQUE
    };
    List<CandidatePool> pools = new ArrayList<>(count);
    double[] agreeable = new double[count * CANDIDATES];
    double[] grounded = new double[count * CANDIDATES];
    for (int p = 0; p < count; p++) {
      Family family = families[p % families.length];
      String domain = String.format(Locale.ROOT, "domain-%02d", random.nextInt(domains));
      AnswerKind[] kinds = kinds(family);
      boolean repeat = random.nextDouble() < REPEAT_RATE;
      int[] order = shuffled(random);
      double agreeableOffset = POOL_OFFSET * random.nextGaussian();
      double groundedOffset = POOL_OFFSET * random.nextGaussian();
      Candidate[] placed = new Candidate[CANDIDATES];
      for (int c = 0; c < CANDIDATES; c++) {
        // Candidate c of the template goes to position order[c] of the pool.
        int at = p * CANDIDATES + order[c];
        AnswerKind kind = kinds[c];
        if (repeat && c == 1) {
          int first = p * CANDIDATES + order[0];
          agreeable[at] = agreeable[first];
          grounded[at] = grounded[first];
          placed[order[c]] = placed[order[0]];
          continue;
        }
        agreeable[at] =
            agreeableOffset
                + (kind.agrees() ? 1.0 : 0)
                + (kind.truthful() ? 0.2 : 0)
                + NOISE * random.nextGaussian();
        grounded[at] =
            groundedOffset
                + (kind.truthful() ? 1.2 : 0)
                - (kind.agrees() ? 0.3 : 0)
                + NOISE * random.nextGaussian();
        placed[order[c]] =
            new Candidate(
                kind.jsonName() + " answer " + c, kind.truthful(), kind.agrees(), kind.jsonName());
      }
      pools.add(
          new CandidatePool(
              "pool-" + p,
              List.of(Turn.user("question " + p)),
              family == Family.TRUE_PREMISE ? Premise.TRUE : Premise.FALSE,
              domain,
              family.jsonName(),
              List.of(placed),
              Map.of()));
    }
    return new Workload(pools, agreeable, grounded);
  }

  private static AnswerKind[] kinds(Family family) {
    return switch (family) {
      case TRUE_PREMISE -> TRUE_PREMISE;
      case INACCESSIBLE_SOURCE -> INACCESSIBLE_SOURCE;
      default -> FALSE_PREMISE;
    };
  }

  /** A uniformly random permutation of the candidate positions (Fisher–Yates). */
  private static int[] shuffled(SplittableRandom random) {
    int[] order = new int[CANDIDATES];
    for (int i = 0; i < CANDIDATES; i++) {
      order[i] = i;
    }
    for (int i = CANDIDATES - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
