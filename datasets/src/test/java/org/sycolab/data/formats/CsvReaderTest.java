package org.sycolab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private final List<String> errors = new ArrayList<>();

  @Test
  void quotedFieldsKeepCommasDoubledQuotesAndLineEndsAndRecordsKnowTheirFirstLine() {
    List<CsvRecord> records =
        read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\"\"");

    assertThat(records)
        .containsExactly(
            new CsvRecord(1, List.of("a", "b", "c")),
            new CsvRecord(2, List.of("x, y", "say \"hi\"", "two\nlines")),
            new CsvRecord(5, List.of("last", "", "")));
    assertThat(errors).isEmpty();
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertThat(read("\uFEFFa,b\n")).containsExactly(new CsvRecord(1, List.of("a", "b")));
  }

  @Test
  void malformedRecordsAreReportedAndSkippedWithTheirLineAndField() {
    List<CsvRecord> records =
        read(
            "ok,1\nbad\"quote,2\n\"closed\"x,3\n\"multi\nline\",4\nfine,5\n\"never closed,6\nmore\n");

    assertThat(records)
        .containsExactly(
            new CsvRecord(1, List.of("ok", "1")),
            new CsvRecord(4, List.of("multi\nline", "4")),
            new CsvRecord(6, List.of("fine", "5")));
    assertThat(errors)
        .containsExactly(
            "2:0: expected a quote only around a whole field (quote the field and double its"
                + " quotes)",
            "3:0: expected a comma or the end of the line after a closing quote",
            "7:0: expected a closing quote for the field that starts here");
  }

  private List<CsvRecord> read(String text) {
    CsvReader reader =
        new CsvReader(
            text, (line, field, message) -> errors.add(line + ":" + field + ": " + message));
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }
}
