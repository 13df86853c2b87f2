package org.sycolab.heads;

import java.util.List;
import org.sycolab.data.Candidate;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.TextLength;

/**
 * The content-blind baseline "pick the longer answer", as a pseudo-head whose score is a response's
 * length in characters ({@link TextLength}): on a pair it prefers the longer response, and two
 * responses of equal length tie (counted as half, as for a head).
 */
public final class LongerAnswer {

  /** The pseudo-head's name in the diagnostics' tables. */
  public static final String NAME = "longer-answer";

  /** Its label column: a baseline, trained on nothing. */
  public static final String LABEL = "baseline";

  private LongerAnswer() {}

  /** The pseudo-head's scores of {@code pairs} (chosen, rejected interleaved) and candidates. */
  public static HeadDiagnostics.ScoredHead scored(
      List<PreferencePair> pairs, List<Candidate> candidates) {
    float[] pairScores = new float[2 * pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      pairScores[2 * i] = TextLength.characters(pairs.get(i).chosen());
      pairScores[2 * i + 1] = TextLength.characters(pairs.get(i).rejected());
    }
    float[] candidateScores = new float[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      candidateScores[i] = TextLength.characters(candidates.get(i).text());
    }
    return new HeadDiagnostics.ScoredHead(NAME, LABEL, pairScores, candidateScores);
  }
}
