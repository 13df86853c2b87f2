package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.formats.Imported;
import org.sycolab.run.RunLayout;

/**
 * What the import stage wrote.
 *
 * @param directory where: {@code pairs.jsonl} and/or {@code pools.jsonl}, and the manifest
 * @param imported the pairs, pools and skipped records (by reason) read from the inputs
 * @param removed outputs of an earlier import into the same directory that this one did not write
 *     again, and removed
 */
public record ImportOutcome(Path directory, Imported imported, List<String> removed)
    implements StageOutcome {

  /** Copies the list. */
  public ImportOutcome {
    removed = List.copyOf(removed);
  }

  /**
   * A line per file written, with its records counted by label (pairs) or family (pools), then a
   * line per reason records were skipped.
   */
  @Override
  public void print(PrintWriter out) {
    if (!imported.pairs().isEmpty()) {
      out.println(
          summary(
              directory.resolve(RunLayout.PAIRS_FILE),
              imported.pairs(),
              pair -> pair.label().jsonName()));
    }
    if (!imported.pools().isEmpty()) {
      out.println(
          summary(
              directory.resolve(RunLayout.POOLS_FILE), imported.pools(), CandidatePool::family));
    }
    imported.skipped().forEach((reason, n) -> out.println("skipped " + n + ": " + reason));
  }

  private static <R extends DatasetRecord> String summary(
      Path file, List<R> records, Function<R, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    records.forEach(r -> counts.merge(key.apply(r), 1L, Long::sum));
    StringBuilder text =
        new StringBuilder("wrote ").append(file).append(": ").append(records.size()).append(" (");
    counts.forEach((k, n) -> text.append(n).append(' ').append(k).append(", "));
    text.setLength(text.length() - 2);
    return text.append(')').toString();
  }
}
