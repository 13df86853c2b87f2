package org.sycolab.heads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sycolab.data.Candidate;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

/**
 * Pairs and pools with a known truth, for judging heads whose reward is planted as a function of
 * whether an answer agrees with the user and whether it is true, plus Gaussian noise.
 *
 * <p>Every prompt has a grounded pair (chosen: the true answer), an agreeable pair (chosen: the
 * agreeing answer) and a pool of four candidates, one per cell of agrees × truthful. On a conflict
 * prompt (premise false) the true answer disagrees; on a control prompt (premise true) it agrees.
 * Every answer has the same length, so picking the longer answer always ties.
 */
final class PlantedVerdictData {

  /** A planted reward of an answer. */
  interface Reward {
    double of(boolean agrees, boolean truthful);
  }

  final List<PreferencePair> pairs = new ArrayList<>();
  final List<Candidate> candidates = new ArrayList<>();
  final int[] pools;

  /** {@code conflicts} conflict prompts, then {@code controls} control prompts. */
  PlantedVerdictData(int conflicts, int controls) {
    List<Integer> poolOf = new ArrayList<>();
    for (int p = 0; p < conflicts + controls; p++) {
      boolean control = p >= conflicts;
      String premise = control ? "true" : "false";
      String id = "p" + p;
      String trueAnswer = answer(control, true);
      String falseAnswer = answer(!control, false);
      pairs.add(pair(id + "-g", Label.GROUNDED, premise, trueAnswer, falseAnswer));
      pairs.add(
          pair(
              id + "-a",
              Label.AGREEABLE,
              premise,
              control ? trueAnswer : falseAnswer,
              control ? falseAnswer : trueAnswer));
      for (boolean agrees : new boolean[] {false, true}) {
        for (boolean truthful : new boolean[] {false, true}) {
          candidates.add(new Candidate(answer(agrees, truthful), truthful, agrees, "planted"));
          poolOf.add(p);
        }
      }
    }
    pools = poolOf.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Scores of every pair and candidate under {@code reward} plus noise of sd {@code noise}. */
  HeadDiagnostics.ScoredHead score(
      String name, String label, Reward reward, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pairScores = new float[2 * pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      PreferencePair pair = pairs.get(i);
      boolean control = pair.metaString("premise").orElseThrow().equals("true");
      for (int side = 0; side < 2; side++) {
        String text = side == 0 ? pair.chosen() : pair.rejected();
        boolean truthful = text.startsWith("true");
        // The true answer agrees on a control prompt and disagrees on a conflict prompt.
        boolean agrees = truthful == control;
        pairScores[2 * i + side] = (float) (reward.of(agrees, truthful) + noise * gaussian(random));
      }
    }
    float[] candidateScores = new float[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      candidateScores[i] = (float) (reward.of(c.agrees(), c.truthful()) + noise * gaussian(random));
    }
    return new HeadDiagnostics.ScoredHead(name, label, pairScores, candidateScores);
  }

  /** An answer's text; all have the same length. */
  private static String answer(boolean agrees, boolean truthful) {
    return (truthful ? "true " : "false") + (agrees ? " agree   " : " disagree");
  }

  private static PreferencePair pair(
      String id, Label label, String premise, String chosen, String rejected) {
    return new PreferencePair(
        id,
        List.of(Turn.user("question " + id)),
        chosen,
        rejected,
        label,
        Map.of("premise", premise, "family", "planted", "domain", "planted"));
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
