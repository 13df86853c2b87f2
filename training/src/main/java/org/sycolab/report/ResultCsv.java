package org.sycolab.report;

import java.io.OutputStream;
import java.util.regex.Pattern;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The result CSVs sycolab writes, safe to open in a spreadsheet: a text cell that a spreadsheet
 * would run as a formula (it begins with {@code = + - @}, a tab or a carriage return, and is not a
 * plain number) is written with a leading {@code '}, as OWASP advises for CSV injection. Number
 * columns are written as they are, so a negative number stays a number. A text cell that itself
 * begins with {@code '} gets one too, so {@link #restore} gives back exactly what was written:
 * {@code =1+1} is written {@code '=1+1} and read back as {@code =1+1}.
 */
public final class ResultCsv {

  private static final String FORMULA_START = "=+-@\t\r";
  private static final char MARK = '\'';
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN");

  private ResultCsv() {}

  /** Writes {@code table} as CSV to {@code out}, its text cells neutralised. */
  public static void write(Table table, OutputStream out) {
    Table safe = Table.create(table.name());
    for (Column<?> column : table.columns()) {
      safe.addColumns(column instanceof StringColumn text ? mapped(text, true) : column);
    }
    safe.write().csv(out);
  }

  /** {@code table} as read from a result CSV, with every text cell as it was before writing. */
  public static Table restored(Table table) {
    Table plain = Table.create(table.name());
    for (Column<?> column : table.columns()) {
      plain.addColumns(column instanceof StringColumn text ? mapped(text, false) : column);
    }
    return plain;
  }

  /** The cell as written: marked when a spreadsheet would read it as a formula. */
  static String neutralise(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    boolean formula = FORMULA_START.indexOf(first) >= 0 && !NUMBER.matcher(cell).matches();
    return formula || first == MARK ? MARK + cell : cell;
  }

  /** The cell as it was before {@link #neutralise}. */
  public static String restore(String cell) {
    boolean marked =
        cell.length() >= 2
            && cell.charAt(0) == MARK
            && (cell.charAt(1) == MARK || FORMULA_START.indexOf(cell.charAt(1)) >= 0);
    return marked ? cell.substring(1) : cell;
  }

  private static StringColumn mapped(StringColumn column, boolean neutralise) {
    StringColumn out = StringColumn.create(column.name());
    for (int i = 0; i < column.size(); i++) {
      String cell = column.get(i);
      out.append(neutralise ? neutralise(cell) : restore(cell));
    }
    return out;
  }
}
