package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.probes.GeneratedData;

/**
 * What the generate stage wrote.
 *
 * @param directory where: {@code pairs.jsonl}, {@code pools.jsonl}, {@code README.md}, the manifest
 * @param data the pairs and pools, as written
 * @param seconds wall time of generating, checking and writing
 */
public record GenerateOutcome(Path directory, GeneratedData data, double seconds)
    implements StageOutcome {

  /** One line: the pairs by label, the pools, the directory and the time. */
  @Override
  public void print(PrintWriter out) {
    List<PreferencePair> written = data.pairs();
    long agreeable = written.stream().filter(p -> p.label() == Label.AGREEABLE).count();
    out.printf(
        Locale.ROOT,
        "wrote %d pairs (%d agreeable, %d grounded) and %d pools to %s in %.1f s%n",
        written.size(),
        agreeable,
        written.size() - agreeable,
        data.pools().size(),
        directory,
        seconds);
  }
}
