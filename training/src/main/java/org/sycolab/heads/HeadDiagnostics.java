package org.sycolab.heads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sycolab.data.Candidate;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.TextLength;
import org.sycolab.stats.Correlation;
import org.sycolab.stats.LinearFit;
import org.sycolab.stats.OrdinaryLeastSquares;
import org.sycolab.stats.SampleMoments;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What trained heads reward, as tables computed from their scores alone: pairwise accuracy on
 * held-out pairs of each label (overall, conflict against control, per family and domain), the
 * correlation of the heads over pool candidates, and the 2×2 decomposition of each head's score on
 * candidates — the OLS fit z = a + b·agrees + c·truthful + d·agrees·truthful + e·length, where b is
 * the reward for agreeing (style), c the reward for being true (substance) and e the reward per
 * standard deviation of response length (characters, standardised over the evaluated candidates),
 * in standard deviations of the head's score over the candidates, with standard errors clustered by
 * pool.
 */
public final class HeadDiagnostics {

  /** The terms of the decomposition, in order. */
  public static final List<String> TERMS =
      List.of("intercept", "agrees", "truthful", "agrees:truthful", "length");

  /** The terms without length, fitted when every candidate has the same length. */
  private static final List<String> CELL_TERMS = TERMS.subList(0, 4);

  private HeadDiagnostics() {}

  /**
   * One head's scores.
   *
   * @param name the head's name (its directory name)
   * @param label the label it was trained on
   * @param pairScores interleaved chosen/rejected scores of the evaluated pairs
   * @param candidateScores scores of the evaluated candidates, in order
   */
  public record ScoredHead(
      String name, String label, float[] pairScores, float[] candidateScores) {}

  /**
   * Pairwise accuracy of every head on {@code pairs}, grouped by the pairs' label and then over all
   * pairs, by premise (conflict: false, control: true), by family and by domain.
   */
  public static Table accuracy(List<ScoredHead> heads, List<PreferencePair> pairs) {
    StringColumn head = StringColumn.create("head");
    StringColumn headLabel = StringColumn.create("head_label");
    StringColumn pairLabel = StringColumn.create("pair_label");
    StringColumn groupBy = StringColumn.create("group_by");
    StringColumn group = StringColumn.create("group");
    IntColumn count = IntColumn.create("pairs");
    DoubleColumn accuracy = DoubleColumn.create("accuracy");
    Map<String, Function<PreferencePair, String>> groupings = new LinkedHashMap<>();
    groupings.put("all", pair -> "all");
    groupings.put(
        "premise",
        pair ->
            pair.metaString("premise")
                .map(p -> p.equals("false") ? "conflict" : p.equals("true") ? "control" : p)
                .orElse("unknown"));
    groupings.put("family", pair -> pair.metaString("family").orElse("unknown"));
    groupings.put("domain", pair -> pair.metaString("domain").orElse("unknown"));
    for (ScoredHead scored : heads) {
      if (scored.pairScores().length != 2 * pairs.size()) {
        throw new IllegalArgumentException(
            "head "
                + scored.name()
                + " has scores for "
                + scored.pairScores().length / 2
                + " pairs, not "
                + pairs.size());
      }
      Map<String, double[]> cells = new LinkedHashMap<>();
      for (var grouping : groupings.entrySet()) {
        for (int i = 0; i < pairs.size(); i++) {
          PreferencePair pair = pairs.get(i);
          String key =
              pair.label().jsonName()
                  + "\t"
                  + grouping.getKey()
                  + "\t"
                  + grouping.getValue().apply(pair);
          double[] cell = cells.computeIfAbsent(key, k -> new double[2]);
          cell[0] +=
              BradleyTerry.credit(scored.pairScores()[2 * i], scored.pairScores()[2 * i + 1]);
          cell[1]++;
        }
      }
      cells.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              cell -> {
                String[] parts = cell.getKey().split("\t", 3);
                head.append(scored.name());
                headLabel.append(scored.label());
                pairLabel.append(parts[0]);
                groupBy.append(parts[1]);
                group.append(parts[2]);
                count.append((int) cell.getValue()[1]);
                accuracy.append(cell.getValue()[0] / cell.getValue()[1]);
              });
    }
    return Table.create("accuracy", head, headLabel, pairLabel, groupBy, group, count, accuracy);
  }

  /** Pearson and Spearman correlation of every two heads over the candidates. */
  public static Table correlations(List<ScoredHead> heads) {
    StringColumn first = StringColumn.create("head_a");
    StringColumn second = StringColumn.create("head_b");
    IntColumn count = IntColumn.create("candidates");
    DoubleColumn pearson = DoubleColumn.create("pearson");
    DoubleColumn spearman = DoubleColumn.create("spearman");
    for (int a = 0; a < heads.size(); a++) {
      for (int b = a + 1; b < heads.size(); b++) {
        double[] x = widen(heads.get(a).candidateScores());
        double[] y = widen(heads.get(b).candidateScores());
        first.append(heads.get(a).name());
        second.append(heads.get(b).name());
        count.append(x.length);
        pearson.append(Correlation.pearson(x, y));
        spearman.append(Correlation.spearman(x, y));
      }
    }
    return Table.create("correlation", first, second, count, pearson, spearman);
  }

  /**
   * Checks that every cell of agrees × truthful has candidates, which the decomposition needs.
   *
   * @throws IllegalArgumentException naming the empty cells
   */
  public static void requireEveryCell(List<Candidate> candidates) {
    List<String> empty = new ArrayList<>();
    for (boolean agrees : new boolean[] {false, true}) {
      for (boolean truthful : new boolean[] {false, true}) {
        if (candidates.stream().noneMatch(c -> c.agrees() == agrees && c.truthful() == truthful)) {
          empty.add("agrees=" + agrees + " truthful=" + truthful);
        }
      }
    }
    if (!empty.isEmpty()) {
      throw new IllegalArgumentException(
          "the 2x2 decomposition needs candidates in every cell of agrees x truthful; none with "
              + String.join(", none with ", empty));
    }
  }

  /**
   * The 2×2 decomposition of each head's z-scored candidate scores (mean 0, sample sd 1 over the
   * candidates), with the candidates' length in characters, likewise z-scored, as a covariate.
   * {@code std_error} and {@code t_value} are clustered by pool, since candidates of one prompt are
   * not independent; {@code classical_std_error} treats every candidate as independent, for
   * comparison. Where every candidate has the same length the length term is left out of the fit
   * and its row is empty.
   *
   * @param pools each candidate's pool, for the clustering
   */
  public static Table decomposition(
      List<ScoredHead> heads, List<Candidate> candidates, int[] pools) {
    float[] lengths = new float[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      lengths[i] = TextLength.characters(candidates.get(i).text());
    }
    double[] length = standardise(lengths);
    boolean lengthVaries = Arrays.stream(length).anyMatch(v -> v != 0);
    List<String> terms = lengthVaries ? TERMS : CELL_TERMS;
    double[][] design = new double[candidates.size()][];
    for (int i = 0; i < candidates.size(); i++) {
      double agrees = candidates.get(i).agrees() ? 1 : 0;
      double truthful = candidates.get(i).truthful() ? 1 : 0;
      double[] row = {1, agrees, truthful, agrees * truthful, length[i]};
      design[i] = Arrays.copyOf(row, terms.size());
    }
    StringColumn head = StringColumn.create("head");
    StringColumn label = StringColumn.create("head_label");
    StringColumn term = StringColumn.create("term");
    DoubleColumn estimate = DoubleColumn.create("estimate");
    DoubleColumn error = DoubleColumn.create("std_error");
    DoubleColumn t = DoubleColumn.create("t_value");
    DoubleColumn classicalError = DoubleColumn.create("classical_std_error");
    IntColumn count = IntColumn.create("candidates");
    DoubleColumn rSquared = DoubleColumn.create("r_squared");
    for (ScoredHead scored : heads) {
      if (scored.candidateScores().length != candidates.size()) {
        throw new IllegalArgumentException(
            "head "
                + scored.name()
                + " has "
                + scored.candidateScores().length
                + " candidate scores, not "
                + candidates.size());
      }
      double[] z = standardise(scored.candidateScores());
      LinearFit fit = OrdinaryLeastSquares.fitClustered(terms, design, z, pools);
      LinearFit classical = OrdinaryLeastSquares.fit(terms, design, z);
      for (String name : TERMS) {
        boolean fitted = terms.contains(name);
        head.append(scored.name());
        label.append(scored.label());
        term.append(name);
        estimate.append(fitted ? fit.estimate(name) : Double.NaN);
        error.append(fitted ? fit.standardError(name) : Double.NaN);
        t.append(fitted ? fit.tValue(name) : Double.NaN);
        classicalError.append(fitted ? classical.standardError(name) : Double.NaN);
        count.append(fit.observations());
        rSquared.append(fit.rSquared());
      }
    }
    return Table.create(
        "decomposition", head, label, term, estimate, error, t, classicalError, count, rSquared);
  }

  /** (x − mean) / sample sd; all zeros when the scores are constant. */
  static double[] standardise(float[] scores) {
    return SampleMoments.zScores(widen(scores));
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
