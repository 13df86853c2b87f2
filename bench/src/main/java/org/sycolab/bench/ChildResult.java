package org.sycolab.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code result} line of one benchmark process ({@link EncoderBench}, {@link
 * HeadTrainingBench}, {@link PullBench}), as {@code key=value} fields.
 *
 * @param fields every field of the line, in order
 */
record ChildResult(Map<String, String> fields) {

  /** The prefix of the line. */
  static final String PREFIX = "result ";

  /** Parses {@code result key=value key=value ...}. */
  static ChildResult parse(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String token : line.substring(PREFIX.length()).trim().split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        fields.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return new ChildResult(Collections.unmodifiableMap(fields));
  }

  /** Sequences per second over the timed batches. */
  double seqPerSecond() {
    return Double.parseDouble(required("seq_per_s"));
  }

  /** Peak resident memory of the process, MiB. */
  long peakRssMb() {
    return Long.parseLong(required("peak_rss_mb"));
  }

  /** Digest of the batches the process ran. */
  String batchesDigest() {
    return required("batches_sha");
  }

  /** Seconds to load the engine before the first training call (0 for plain Java). */
  double startupSeconds() {
    return Double.parseDouble(required("startup_s"));
  }

  /** Seconds of the first training call (or pull sweep) in the process. */
  double firstSeconds() {
    return Double.parseDouble(required("first_s"));
  }

  /** Median seconds of the training calls (or pull sweeps) after the first. */
  double warmSeconds() {
    return Double.parseDouble(required("warm_s"));
  }

  /** Pairwise accuracy on the dev pairs after the last epoch. */
  double devAccuracy() {
    return Double.parseDouble(required("dev_accuracy"));
  }

  private String required(String key) {
    String value = fields.get(key);
    if (value == null) {
      throw new IllegalStateException("result line without " + key + ": " + fields);
    }
    return value;
  }
}
