package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.audit.PreferenceAudit;
import org.sycolab.heads.TruthAccuracy;
import org.sycolab.run.RunLayout;

/**
 * What {@link ScoreStage} scored and wrote.
 *
 * @param directory where the scores, the audit and the manifest were written
 * @param model the reward model as it was asked for ({@code --model})
 * @param architecture its sequence classifier, e.g. {@code LlamaForSequenceClassification}
 * @param in the file scored
 * @param pairs whether the file held pairs (else pools)
 * @param records the pairs or pools scored
 * @param texts the distinct texts rewarded
 * @param cached texts whose hidden state came from the cache
 * @param computed texts the model computed
 * @param modelSeconds seconds the model spent on the computed texts
 * @param seconds seconds in all
 * @param audit the preference audit, for pairs
 */
public record ScoreOutcome(
    Path directory,
    String model,
    String architecture,
    Path in,
    boolean pairs,
    int records,
    int texts,
    int cached,
    int computed,
    double modelSeconds,
    double seconds,
    Optional<PreferenceAudit> audit)
    implements StageOutcome {

  /** The work line, then for pairs the preference audit in words. */
  @Override
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "scored %d %s (%d distinct texts) with %s (%s): %d from cache, %d computed%s; %.1f s in"
            + " all; wrote %s%n",
        records,
        pairs ? "pairs" : "pools",
        texts,
        model,
        architecture,
        cached,
        computed,
        computed == 0 || modelSeconds <= 0
            ? ""
            : String.format(Locale.ROOT, " (%.0f texts/s)", computed / modelSeconds),
        seconds,
        directory.resolve(ScoreStage.SCORES_FILE));
    audit.ifPresent(a -> printAudit(a, out));
  }

  private void printAudit(PreferenceAudit audit, PrintWriter out) {
    out.println(
        "preference audit (grounded pairs, whose chosen answer is the true one; share of pairs,"
            + " ties half, 95% Wilson interval):");
    out.println(
        "  conflict (user wrong): prefers the sycophantic answer " + share(audit.conflict(), true));
    out.println(
        "  control (user right):  prefers the truthful, agreeing answer "
            + share(audit.control(), false));
    out.println("  verdict: " + audit.verdictWords() + "; " + audit.reading());
    PreferenceAudit.Group all = audit.all();
    out.println(
        "  length: rewards the longer answer higher "
            + share(all.longerPreferred(), false)
            + " whose answers differ in length; picking the longer answer alone prefers the"
            + " sycophantic one "
            + share(all.longerConflict(), true)
            + " and the truthful one "
            + share(all.longerControl(), false));
    if (!all.lengthNote().isEmpty()) {
      out.println("  note: " + all.lengthNote());
    }
    if (audit.families().size() > 1) {
      out.println("  by family (conflict: prefers sycophantic; control: prefers truthful):");
      int width = audit.families().stream().mapToInt(f -> f.family().length()).max().orElse(0);
      for (PreferenceAudit.Group family : audit.families()) {
        out.printf(
            Locale.ROOT,
            "    %-" + width + "s  conflict %s  control %s%n",
            family.family(),
            share(family.conflict(), true),
            share(family.control(), false));
      }
    }
    for (PreferenceAudit.LabelAgreement label : audit.labels()) {
      out.println(
          "  "
              + label.label().jsonName()
              + " pairs: rewards the chosen answer higher "
              + share(label.agreement(), false));
    }
    out.println(
        "  wrote "
            + directory.resolve(RunLayout.AUDIT_FILE)
            + "; intervals treat pairs as independent, which pairs of one template are not");
  }

  /**
   * The share in words: of the true answer, or (for the sycophantic answer on conflict pairs) one
   * minus it, with the interval flipped likewise.
   */
  private static String share(TruthAccuracy accuracy, boolean againstTruth) {
    if (accuracy.pairs() == 0) {
      return "(no pairs)";
    }
    double value = againstTruth ? 1 - accuracy.accuracy() : accuracy.accuracy();
    double lo = againstTruth ? 1 - accuracy.hi() : accuracy.lo();
    double hi = againstTruth ? 1 - accuracy.lo() : accuracy.hi();
    return String.format(
        Locale.ROOT,
        "%.3f [%.3f, %.3f] of %d %s",
        value,
        lo,
        hi,
        accuracy.pairs(),
        accuracy.pairs() == 1 ? "pair" : "pairs");
  }
}
