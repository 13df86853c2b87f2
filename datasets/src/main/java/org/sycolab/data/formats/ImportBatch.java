package org.sycolab.data.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.PairCodec;
import org.sycolab.data.PoolCodec;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Problem;
import org.sycolab.data.ProblemSink;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;

/**
 * Collects what importers produce from all input files: records, deliberate skips and problems.
 * Each record is checked as {@link DatasetValidator} would check it in the written file (the same
 * codec, the same text limits, ids unique per output file), so a clean batch writes valid files.
 */
public final class ImportBatch {

  private final TextLimits limits;
  private final List<PreferencePair> pairs = new ArrayList<>();
  private final List<CandidatePool> pools = new ArrayList<>();
  private final Map<String, Origin> pairIds = new HashMap<>();
  private final Map<String, Origin> poolIds = new HashMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private long problemCount;
  private long skipCount;

  /** A batch whose records must keep within {@code limits}. */
  ImportBatch(TextLimits limits) {
    this.limits = limits;
  }

  /** Notes that {@code file} is being read, for the failure summary. */
  void startFile(Path file) {
    files.add(file.toString());
  }

  /** Reports a problem with the input at {@code file:line}, {@code field}. */
  void problem(Path file, long line, String field, String message) {
    problemCount++;
    if (problems.size() < DatasetValidator.MAX_KEPT_PROBLEMS) {
      problems.add(new Problem(file.toString(), line, field, message));
    }
  }

  /** Records added, skips and problems so far: what reading a file has produced. */
  long outcomes() {
    return pairs.size() + pools.size() + skipCount + problemCount;
  }

  /** Counts a source record left out on purpose, with the reason the user will see. */
  void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
    skipCount++;
  }

  /** Adds a record made from the input at {@code file:line}, checking it as written. */
  void add(Path file, long line, DatasetRecord record) {
    Map<String, Origin> ids = record instanceof PreferencePair ? pairIds : poolIds;
    Origin first = ids.putIfAbsent(record.id(), new Origin(file.toString(), line));
    if (first != null) {
      problem(
          file,
          line,
          "id",
          "expected a unique id, '"
              + record.id()
              + "' was already made from "
              + first.file()
              + ":"
              + first.line());
      return;
    }
    long before = problemCount;
    ProblemSink sink = (field, message) -> problem(file, line, field, "as imported, " + message);
    if (record instanceof PreferencePair pair) {
      PairCodec.parse(PairCodec.toJson(pair), sink, limits).ifPresent(p -> keep(before, pairs, p));
    } else {
      CandidatePool pool = (CandidatePool) record;
      PoolCodec.parse(PoolCodec.toJson(pool), sink, limits).ifPresent(p -> keep(before, pools, p));
    }
  }

  private <T> void keep(long problemsBefore, List<T> into, T record) {
    if (problemCount == problemsBefore) {
      into.add(record);
    }
  }

  /**
   * The records, when no problem was found.
   *
   * @throws InvalidDatasetException listing every problem, in input order
   */
  public Imported result() throws InvalidDatasetException {
    if (problemCount > 0) {
      String what = files.size() == 1 ? files.get(0) : files.size() + " input files";
      throw new InvalidDatasetException(
          new ValidationReport(
              what,
              Optional.empty(),
              0,
              pairs.size() + pools.size(),
              problemCount,
              problems,
              Map.of()));
    }
    return new Imported(pairs, pools, skipped);
  }

  /** Where a record was made from. */
  private record Origin(String file, long line) {}
}
