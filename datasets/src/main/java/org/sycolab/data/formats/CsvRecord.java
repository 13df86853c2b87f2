package org.sycolab.data.formats;

import java.util.List;

/**
 * One CSV record.
 *
 * @param line the line the record starts on, 1-based
 * @param fields its fields, unquoted
 */
record CsvRecord(long line, List<String> fields) {

  /** Copies the fields. */
  CsvRecord {
    fields = List.copyOf(fields);
  }
}
