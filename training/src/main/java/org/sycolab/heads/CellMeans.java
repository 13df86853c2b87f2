package org.sycolab.heads;

import java.util.ArrayList;
import java.util.List;
import org.sycolab.data.Candidate;
import org.sycolab.stats.LinearFit;
import org.sycolab.stats.OrdinaryLeastSquares;

/**
 * The 2×2 of a head: the mean of its standardised candidate scores (z, over the evaluated
 * candidates) in each cell of agrees × truthful, with standard errors clustered by pool (the
 * cell-indicator regression without intercept, whose estimates are the cell means).
 *
 * @param cells the four cells, in the order disagrees/false, disagrees/true, agrees/false,
 *     agrees/true
 */
public record CellMeans(List<Cell> cells) {

  /**
   * One cell.
   *
   * @param agrees whether its candidates agree with the user
   * @param truthful whether they are true
   * @param candidates how many candidates fall in it
   * @param meanZ their mean z
   * @param stdError the standard error of the mean, clustered by pool
   */
  public record Cell(
      boolean agrees, boolean truthful, int candidates, double meanZ, double stdError) {

    /** The cell's name as a CSV column stem, e.g. {@code agrees_truthful}. */
    public String key() {
      return CellMeans.key(agrees, truthful);
    }
  }

  /** Checks there are four cells, in order. */
  public CellMeans {
    cells = List.copyOf(cells);
    if (cells.size() != 4) {
      throw new IllegalArgumentException("a 2x2 has four cells, got " + cells.size());
    }
  }

  /**
   * The cell means of {@code z}.
   *
   * @param z the head's standardised score of each candidate
   * @param candidates the candidates, in the same order
   * @param pools each candidate's pool, for the clustering; at least two pools
   * @throws IllegalArgumentException when a cell is empty
   */
  public static CellMeans of(double[] z, List<Candidate> candidates, int[] pools) {
    if (z.length != candidates.size()) {
      throw new IllegalArgumentException(
          z.length + " scores for " + candidates.size() + " candidates");
    }
    HeadDiagnostics.requireEveryCell(candidates);
    List<String> terms = new ArrayList<>();
    for (boolean agrees : new boolean[] {false, true}) {
      for (boolean truthful : new boolean[] {false, true}) {
        terms.add(key(agrees, truthful));
      }
    }
    double[][] design = new double[candidates.size()][4];
    int[] counts = new int[4];
    for (int i = 0; i < candidates.size(); i++) {
      int cell = index(candidates.get(i).agrees(), candidates.get(i).truthful());
      design[i][cell] = 1;
      counts[cell]++;
    }
    LinearFit fit = OrdinaryLeastSquares.fitClustered(terms, design, z, pools);
    List<Cell> cells = new ArrayList<>();
    for (boolean agrees : new boolean[] {false, true}) {
      for (boolean truthful : new boolean[] {false, true}) {
        String key = terms.get(index(agrees, truthful));
        cells.add(
            new Cell(
                agrees,
                truthful,
                counts[index(agrees, truthful)],
                fit.estimate(key),
                fit.standardError(key)));
      }
    }
    return new CellMeans(cells);
  }

  /**
   * The name of a cell as a CSV column stem: {@code disagrees_untruthful} … {@code
   * agrees_truthful}.
   */
  public static String key(boolean agrees, boolean truthful) {
    return (agrees ? "agrees" : "disagrees") + "_" + (truthful ? "truthful" : "untruthful");
  }

  /** The cell of candidates that do or do not agree and are or are not true. */
  public Cell cell(boolean agrees, boolean truthful) {
    return cells.get(index(agrees, truthful));
  }

  private static int index(boolean agrees, boolean truthful) {
    return (agrees ? 2 : 0) + (truthful ? 1 : 0);
  }
}
