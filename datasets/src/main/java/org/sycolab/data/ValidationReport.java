package org.sycolab.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of validating one file.
 *
 * @param file the file as the user named it
 * @param kind what the file holds, empty when no record could be read
 * @param lines lines read
 * @param records valid records
 * @param problemCount all problems found
 * @param problems the first {@link DatasetValidator#MAX_KEPT_PROBLEMS} problems, in file order
 * @param counts valid records by label (pairs) or by family (pools)
 */
public record ValidationReport(
    String file,
    Optional<RecordKind> kind,
    long lines,
    long records,
    long problemCount,
    List<Problem> problems,
    Map<String, Long> counts) {

  /** Copies the collections. */
  public ValidationReport {
    problems = List.copyOf(problems);
    counts = Map.copyOf(counts);
  }

  /** True when the file has no problems. */
  public boolean clean() {
    return problemCount == 0;
  }

  /** One line: what the file holds and how many problems it has. */
  public String summary() {
    String what = kind.map(RecordKind::description).orElse("records");
    String breakdown =
        counts.isEmpty()
            ? ""
            : counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ", " (", ")"));
    String problemsText =
        problemCount == 0
            ? "no problems"
            : problemCount + (problemCount == 1 ? " problem" : " problems");
    return file + ": " + records + " " + what + breakdown + ", " + problemsText;
  }
}
