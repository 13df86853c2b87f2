package org.sycolab.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV of a run into a Tablesaw table with the column types the report expects, after
 * checking its header names every column the report needs; text cells come back as they were before
 * {@link ResultCsv} neutralised them.
 */
final class RunCsv {

  private RunCsv() {}

  /** The columns a file must have, in the order an error lists them, with their types. */
  static final class Columns {
    private final Map<String, ColumnType> types = new LinkedHashMap<>();

    /** Text columns. */
    Columns text(String... names) {
      return add(ColumnType.STRING, names);
    }

    /** Number columns; an empty cell is a missing value. */
    Columns number(String... names) {
      return add(ColumnType.DOUBLE, names);
    }

    /** Whole-number columns; an empty cell is a missing value. */
    Columns count(String... names) {
      return add(ColumnType.INTEGER, names);
    }

    /**
     * The columns that say which statistic a row of pull's long tables holds: reward, lambda, n,
     * beta, metric, family, domain.
     */
    static Columns setting() {
      return new Columns()
          .text("reward")
          .number("lambda")
          .count("n")
          .number("beta")
          .text("metric", "family", "domain");
    }

    private Columns add(ColumnType type, String... names) {
      for (String name : names) {
        types.put(name, type);
      }
      return this;
    }
  }

  /**
   * The table in {@code file}.
   *
   * @param columns the columns the report reads, with their types; others are read as found
   * @throws InvalidRunException when the file is missing or empty, lacks a column (named, with the
   *     header's line), or has a cell that is not of its column's type
   */
  static Table read(Path file, Columns columns) throws InvalidRunException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidRunException(file + ": no such file");
    }
    Map<String, ColumnType> types = columns.types;
    List<String> header;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw new InvalidRunException(file + ":1: the file is empty; expected a header row");
      }
      header = Arrays.stream(line.replace("\uFEFF", "").split(",", -1)).map(String::strip).toList();
    } catch (IOException e) {
      throw new InvalidRunException(file + ": " + e.getMessage(), e);
    }
    for (String column : types.keySet()) {
      if (!header.contains(column)) {
        throw new InvalidRunException(
            file
                + ":1: missing column '"
                + column
                + "'; the header must name "
                + String.join(", ", types.keySet()));
      }
    }
    try {
      return ResultCsv.restored(
          Table.read()
              .csv(
                  CsvReadOptions.builder(file.toFile())
                      .columnTypesPartial(types)
                      .sample(false)
                      .tableName(file.getFileName().toString())));
    } catch (RuntimeException e) {
      throw new InvalidRunException(file + ": " + e.getMessage(), e);
    }
  }
}
