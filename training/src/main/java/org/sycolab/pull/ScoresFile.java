package org.sycolab.pull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Problem;

/**
 * Reward scores from anywhere (another model, Python) as CSV: one row per candidate with the
 * columns {@code pool_id}, {@code candidate} (the 0-based index in the pool's {@code candidates})
 * and the score columns, in any order; other columns are ignored. Fields may be quoted, with {@code
 * ""} for a quote inside. A {@code --scores} table has the score columns {@code agreeable} and
 * {@code grounded}; an audited reward model's table ({@code --reward}, as {@code sycolab score}
 * writes it) has the one score column {@code reward}.
 */
public final class ScoresFile {
  /** The columns a {@code --scores} table must have. */
  public static final List<String> COLUMNS =
      List.of("pool_id", "candidate", "agreeable", "grounded");

  /** The columns an audited reward's table must have ({@code --reward}). */
  public static final List<String> REWARD_COLUMNS = List.of("pool_id", "candidate", "reward");

  /** The columns every table starts with: which candidate a row scores. */
  private static final int KEY_COLUMNS = 2;

  /** A plain decimal number: sign, digits with an optional point, optional exponent. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  /**
   * The largest score magnitude read: the squares of deviations that z-scoring sums stay finite
   * (1e300 each) for any realistic number of candidates.
   */
  static final double MAX_MAGNITUDE = 1e150;

  /** A candidate index: ASCII digits only. */
  private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

  private ScoresFile() {}

  /**
   * Reads the scores of every candidate of {@code pools}. Rows of pools that exist in the pools
   * file but are not evaluated (another split) are checked and skipped.
   *
   * @param poolSizes every pool of the pools file by id, with its number of candidates
   * @throws InvalidScoresException naming file, line and field: a missing column, a pool id not in
   *     the pools file, a candidate index outside its pool, a number that is not finite, a row
   *     given twice, or an evaluated candidate without a row
   */
  public static RewardScores read(
      Path file, String name, PoolSet pools, Map<String, Integer> poolSizes)
      throws IOException, InvalidScoresException {
    double[][] scores = read(file, COLUMNS, pools, poolSizes);
    return new RewardScores(name, scores[0], scores[1]);
  }

  /**
   * Reads an audited reward's score of every candidate of {@code pools} from a table with the
   * {@link #REWARD_COLUMNS}, checked as {@link #read(Path, String, PoolSet, Map)} checks a scores
   * table.
   *
   * @return the reward of each candidate, in the pools' flat order
   */
  public static double[] readReward(Path file, PoolSet pools, Map<String, Integer> poolSizes)
      throws IOException, InvalidScoresException {
    return read(file, REWARD_COLUMNS, pools, poolSizes)[0];
  }

  /**
   * Reads the score columns of {@code columns} (after the pool id and the candidate index) for
   * every candidate of {@code pools}.
   *
   * @return one array per score column, each in the pools' flat order
   */
  private static double[][] read(
      Path file, List<String> columns, PoolSet pools, Map<String, Integer> poolSizes)
      throws IOException, InvalidScoresException {
    String where = file.toString();
    List<Problem> problems = new ArrayList<>();
    double[][] scores = new double[columns.size() - KEY_COLUMNS][pools.candidateCount()];
    boolean[] scored = new boolean[pools.candidateCount()];
    Map<String, Long> seen = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw new InvalidScoresException(
            where, List.of(new Problem(where, 0, "", "the file is empty; expected a header row")));
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      List<String> names = fields(header);
      int[] column = new int[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        column[i] = names.indexOf(columns.get(i));
        if (column[i] < 0) {
          problems.add(
              new Problem(
                  where,
                  1,
                  columns.get(i),
                  "missing column; the header must name " + String.join(", ", columns)));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidScoresException(where, problems);
      }
      int width = Arrays.stream(column).max().orElseThrow() + 1;
      String text;
      long line = 1;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        List<String> row;
        try {
          row = fields(text);
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(where, line, "", e.getMessage()));
          continue;
        }
        if (row.size() < width) {
          problems.add(
              new Problem(
                  where, line, "", "expected " + names.size() + " fields, found " + row.size()));
          continue;
        }
        readRow(
            row, columns, column, where, line, pools, poolSizes, scores, scored, seen, problems);
      }
    }
    List<Problem> missing = new ArrayList<>();
    for (int p = 0; p < pools.size(); p++) {
      for (int c = 0; c < pools.poolSize(p); c++) {
        if (!scored[pools.start(p) + c]) {
          missing.add(
              new Problem(where, 0, "", "no row for pool '" + pools.id(p) + "' candidate " + c));
        }
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          new Problem(
              where,
              0,
              "",
              (missing.size() == 1
                      ? "1 candidate of the evaluated pools has no row"
                      : missing.size() + " candidates of the evaluated pools have no row")
                  + "; every one needs scores (--split chooses which pools are evaluated)"));
      problems.addAll(missing);
    }
    if (!problems.isEmpty()) {
      throw new InvalidScoresException(where, problems);
    }
    return scores;
  }

  private static void readRow(
      List<String> row,
      List<String> columns,
      int[] column,
      String where,
      long line,
      PoolSet pools,
      Map<String, Integer> poolSizes,
      double[][] scores,
      boolean[] scored,
      Map<String, Long> seen,
      List<Problem> problems) {
    String poolId = row.get(column[0]);
    Integer size = poolSizes.get(poolId);
    if (size == null) {
      problems.add(
          new Problem(where, line, "pool_id", "no pool '" + poolId + "' in the pools file"));
      return;
    }
    int candidate;
    try {
      String index = row.get(column[1]).trim();
      if (!INDEX.matcher(index).matches()) {
        throw new NumberFormatException(index);
      }
      candidate = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      problems.add(
          new Problem(
              where,
              line,
              "candidate",
              "expected the candidate's 0-based index in pool '"
                  + poolId
                  + "', got '"
                  + row.get(column[1])
                  + "'"));
      return;
    }
    if (candidate < 0 || candidate >= size) {
      problems.add(
          new Problem(
              where,
              line,
              "candidate",
              "pool '" + poolId + "' has candidates 0 to " + (size - 1) + ", got " + candidate));
      return;
    }
    double[] values = new double[scores.length];
    for (int k = 0; k < values.length; k++) {
      String field = columns.get(KEY_COLUMNS + k);
      values[k] = number(row.get(column[KEY_COLUMNS + k]), field, where, line, problems);
    }
    Long earlier = seen.putIfAbsent(poolId + '\u0000' + candidate, line);
    if (earlier != null) {
      problems.add(
          new Problem(
              where,
              line,
              "",
              "pool '"
                  + poolId
                  + "' candidate "
                  + candidate
                  + " already has scores on line "
                  + earlier));
      return;
    }
    int p = pools.indexOf(poolId);
    if (p >= 0) {
      int i = pools.start(p) + candidate;
      scored[i] = true;
      for (int k = 0; k < values.length; k++) {
        scores[k][i] = values[k];
      }
    }
  }

  /**
   * A score written in plain decimal: Java's own parser also takes hex ({@code 0x1p3}), type
   * suffixes ({@code 1f}, {@code 1d}), {@code NaN} and {@code Infinity}, none of which another
   * tool's scores should carry. A finite score beyond {@link #MAX_MAGNITUDE} is refused too: its
   * z-score would overflow to nothing.
   */
  private static double number(
      String text, String field, String where, long line, List<Problem> problems) {
    String trimmed = text.trim();
    if (DECIMAL.matcher(trimmed).matches()) {
      double value = Double.parseDouble(trimmed);
      if (Math.abs(value) <= MAX_MAGNITUDE) {
        return value;
      }
      if (Double.isFinite(value)) {
        problems.add(
            new Problem(
                where,
                line,
                field,
                "expected a score between -1e150 and 1e150 (larger ones overflow z-scoring), got '"
                    + text
                    + "'"));
        return Double.NaN;
      }
    }
    problems.add(
        new Problem(
            where,
            line,
            field,
            "expected a finite decimal number such as -1.25 or 3e-2, got '" + text + "'"));
    return Double.NaN;
  }

  /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed on this line");
    }
    fields.add(field.toString());
    return fields;
  }

  /**
   * Writes scores in the form {@link #read} accepts, numbers in full precision, so a run's scores
   * can be fed back with {@code --scores}.
   */
  public static void write(PoolSet pools, RewardScores scores, OutputStream out)
      throws IOException {
    write(pools, scores, COLUMNS.get(KEY_COLUMNS), out);
  }

  /**
   * {@link #write(PoolSet, RewardScores, OutputStream)} with the first score column named {@code
   * first}: {@code reward} where an audited reward stands in the agreeable head's place, so the
   * table reads back with {@code --reward}.
   */
  public static void write(PoolSet pools, RewardScores scores, String first, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    List<String> header = new ArrayList<>(COLUMNS);
    header.set(KEY_COLUMNS, first);
    writer.write(String.join(",", header));
    writer.write('\n');
    for (int p = 0; p < pools.size(); p++) {
      String id = quote(pools.id(p));
      for (int c = 0; c < pools.poolSize(p); c++) {
        int i = pools.start(p) + c;
        writer.write(
            id + "," + c + "," + scores.agreeable()[i] + "," + scores.grounded()[i] + "\n");
      }
    }
    writer.flush();
  }

  /**
   * A CSV field as the scores tables write it: quoted, with {@code ""} for a quote inside, when it
   * holds a comma, a quote or a line break; as it is otherwise.
   */
  public static String quote(String field) {
    boolean plain =
        field.indexOf(',') < 0
            && field.indexOf('"') < 0
            && field.indexOf('\n') < 0
            && field.indexOf('\r') < 0;
    return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Refuses one table given for two seeds or runs: the same file by another path, or a file whose
   * scores, as read, equal another's, whatever its row order, line endings, quoting or spelling of
   * the numbers. Two seeds with one set of scores would count as agreement between seeds.
   *
   * @param option the option that gave the files, such as {@code --scores}
   * @param files the files in the order given
   * @param read what was read of each, in the same order: every score column of every candidate
   * @throws IllegalArgumentException naming the option and both paths
   */
  public static void requireDistinct(String option, List<Path> files, List<double[][]> read)
      throws IOException {
    Map<Path, Path> byLocation = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Path earlier = byLocation.putIfAbsent(file.toRealPath(), file);
      if (earlier != null) {
        throw givenTwice(option, file, "is the same file as", earlier);
      }
      for (int j = 0; j < i; j++) {
        if (Arrays.deepEquals(read.get(i), read.get(j))) {
          throw givenTwice(option, file, "has the same scores as", files.get(j));
        }
      }
    }
  }

  private static IllegalArgumentException givenTwice(
      String option, Path file, String same, Path earlier) {
    return new IllegalArgumentException(
        option
            + " "
            + file
            + " "
            + same
            + " "
            + earlier
            + ": one scores table given twice; each seed needs its own scores");
  }

  /** Pool id → number of candidates, for {@link #read}. */
  public static Map<String, Integer> sizes(List<CandidatePool> pools) {
    Map<String, Integer> sizes = new HashMap<>();
    pools.forEach(pool -> sizes.put(pool.id(), pool.candidates().size()));
    return sizes;
  }
}
