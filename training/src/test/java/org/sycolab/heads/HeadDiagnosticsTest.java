package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Candidate;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class HeadDiagnosticsTest {

  private static PreferencePair pair(String id, Label label, String premise, String family) {
    return new PreferencePair(
        id,
        List.of(Turn.user("q " + id)),
        "c",
        "r",
        label,
        Map.of("premise", premise, "family", family, "domain", "capitals"));
  }

  private static double value(Table table, Map<String, String> where, String column) {
    for (Row row : table) {
      boolean match =
          where.entrySet().stream().allMatch(e -> row.getString(e.getKey()).equals(e.getValue()));
      if (match) {
        return row.getNumber(column);
      }
    }
    throw new AssertionError("no row " + where + " in\n" + table.printAll());
  }

  @Test
  void accuracyIsGroupedByPairLabelPremiseFamilyAndDomain() {
    List<PreferencePair> pairs =
        List.of(
            pair("1", Label.AGREEABLE, "false", "false-premise"),
            pair("2", Label.AGREEABLE, "false", "pushback"),
            pair("3", Label.AGREEABLE, "true", "true-premise"),
            pair("4", Label.GROUNDED, "false", "false-premise"));
    // Pair 1 right, pair 2 a tie, pair 3 wrong, pair 4 right.
    float[] scores = {2, 1, 0.5f, 0.5f, -1, 1, 3, 0};
    Table table =
        HeadDiagnostics.accuracy(
            List.of(new HeadDiagnostics.ScoredHead("h", "agreeable", scores, new float[0])), pairs);

    // Agreeable pairs overall: (1 + 0.5 + 0) / 3.
    assertThat(value(table, Map.of("pair_label", "agreeable", "group", "all"), "accuracy"))
        .isCloseTo(0.5, within(1e-12));
    assertThat(value(table, Map.of("pair_label", "agreeable", "group", "conflict"), "accuracy"))
        .isEqualTo(0.75);
    assertThat(value(table, Map.of("pair_label", "agreeable", "group", "conflict"), "pairs"))
        .isEqualTo(2);
    assertThat(value(table, Map.of("pair_label", "agreeable", "group", "control"), "accuracy"))
        .isZero();
    assertThat(value(table, Map.of("pair_label", "agreeable", "group", "pushback"), "accuracy"))
        .isEqualTo(0.5);
    assertThat(value(table, Map.of("pair_label", "grounded", "group", "all"), "accuracy"))
        .isEqualTo(1);
    assertThat(value(table, Map.of("pair_label", "agreeable", "group", "capitals"), "pairs"))
        .isEqualTo(3);
  }

  @Test
  void decompositionRecoversCellContrastsInStandardDeviations() {
    List<Candidate> candidates =
        List.of(
            new Candidate("a", false, false, "hedge"),
            new Candidate("b", false, false, "hedge"),
            new Candidate("c", false, true, "capitulate"),
            new Candidate("d", false, true, "capitulate"),
            new Candidate("e", true, false, "correct"),
            new Candidate("f", true, false, "correct"),
            new Candidate("g", true, true, "affirm"),
            new Candidate("h", true, true, "affirm"));
    // Cell means (agrees, truthful): (0,0) 2, (1,0) 7, (0,1) 1, (1,1) 4. Over all eight scores the
    // mean is 28/8 = 3.5 and the squared deviations sum to 48, so the sample sd is √(48/7).
    float[] scores = {1, 3, 6, 8, 0, 2, 4, 4};
    Table table =
        HeadDiagnostics.decomposition(
            List.of(new HeadDiagnostics.ScoredHead("h", "agreeable", new float[0], scores)),
            candidates,
            new int[] {0, 1, 2, 3, 0, 1, 2, 3});
    double sd = Math.sqrt(48.0 / 7);

    assertThat(value(table, Map.of("term", "intercept"), "estimate"))
        .isCloseTo((2 - 3.5) / sd, within(1e-9));
    assertThat(value(table, Map.of("term", "agrees"), "estimate"))
        .isCloseTo((7 - 2) / sd, within(1e-9));
    assertThat(value(table, Map.of("term", "truthful"), "estimate"))
        .isCloseTo((1 - 2) / sd, within(1e-9));
    assertThat(value(table, Map.of("term", "agrees:truthful"), "estimate"))
        .isCloseTo((4 - 7 - 1 + 2) / sd, within(1e-9));
    // Within-cell squared deviations: 2 + 2 + 2 + 0 = 6 raw, 6/sd² in z units, over 8 - 4 = 4
    // degrees of freedom; SE(b) = σ·√(1/2 + 1/2).
    double sigma = Math.sqrt(6 / (sd * sd) / 4);
    assertThat(value(table, Map.of("term", "agrees"), "classical_std_error"))
        .isCloseTo(sigma, within(1e-9));
    assertThat(value(table, Map.of("term", "agrees"), "std_error")).isPositive();
    assertThat(value(table, Map.of("term", "agrees"), "candidates")).isEqualTo(8);
    // Every candidate has one character, so length is left out and its row is empty.
    assertThat(value(table, Map.of("term", "length"), "estimate")).isNaN();
  }

  @Test
  void aScoreThatIsLengthLoadsOnTheLengthTermAlone() {
    // Lengths vary within every cell; a head that scores the length in characters has z equal to
    // the length's z, so the fit is e = 1 with every other term 0.
    String[] texts = {"a", "abcd", "ab", "abcdefg", "abc", "abcdef", "abcde", "abcdefghi"};
    List<Candidate> candidates = new java.util.ArrayList<>();
    float[] scores = new float[texts.length];
    for (int i = 0; i < texts.length; i++) {
      candidates.add(new Candidate(texts[i], i / 2 % 2 == 1, i / 4 == 1, "x"));
      scores[i] = 3 * texts[i].length() + 1;
    }
    Table table =
        HeadDiagnostics.decomposition(
            List.of(new HeadDiagnostics.ScoredHead("h", "grounded", new float[0], scores)),
            candidates,
            new int[] {0, 1, 2, 0, 1, 2, 0, 1});
    assertThat(value(table, Map.of("term", "length"), "estimate")).isCloseTo(1, within(1e-6));
    for (String term : List.of("intercept", "agrees", "truthful", "agrees:truthful")) {
      assertThat(value(table, Map.of("term", term), "estimate")).isCloseTo(0, within(1e-6));
    }
    assertThat(value(table, Map.of("term", "length"), "r_squared")).isCloseTo(1, within(1e-9));
  }

  @Test
  void anEmptyCellIsNamed() {
    List<Candidate> noAgreeing =
        List.of(new Candidate("a", false, false, "hedge"), new Candidate("b", true, false, "x"));
    assertThatThrownBy(() -> HeadDiagnostics.requireEveryCell(noAgreeing))
        .hasMessageContaining("none with agrees=true truthful=false")
        .hasMessageContaining("agrees=true truthful=true");
  }

  @Test
  void correlationsPairEveryTwoHeads() {
    // Deviations from 2.5: x = (-1.5, -0.5, 0.5, 1.5), y = (-1.5, 0.5, -0.5, 1.5):
    // Σxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, Σx² = Σy² = 5, r = 0.8; ranks equal the values.
    Table table =
        HeadDiagnostics.correlations(
            List.of(
                new HeadDiagnostics.ScoredHead(
                    "a", "agreeable", new float[0], new float[] {1, 2, 3, 4}),
                new HeadDiagnostics.ScoredHead(
                    "g", "grounded", new float[0], new float[] {1, 3, 2, 4}),
                new HeadDiagnostics.ScoredHead(
                    "m", "mixture:0.5", new float[0], new float[] {4, 3, 2, 1})));
    assertThat(table.rowCount()).isEqualTo(3);
    assertThat(value(table, Map.of("head_a", "a", "head_b", "g"), "pearson"))
        .isCloseTo(0.8, within(1e-12));
    assertThat(value(table, Map.of("head_a", "a", "head_b", "g"), "spearman"))
        .isCloseTo(0.8, within(1e-12));
    assertThat(value(table, Map.of("head_a", "a", "head_b", "m"), "spearman"))
        .isCloseTo(-1, within(1e-12));
  }
}
