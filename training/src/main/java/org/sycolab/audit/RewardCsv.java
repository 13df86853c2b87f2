package org.sycolab.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.PreferencePair;
import org.sycolab.pull.ScoresFile;

/**
 * A reward model's rewards as CSV, numbers in full precision (they read back to the same double):
 * for pools one row per candidate, {@code pool_id,candidate,reward} (candidate: the 0-based index
 * in the pool), which {@code sycolab pull --reward} reads; for pairs one row per pair, {@code
 * id,label,chosen,rejected}. A field holding a comma, quote or line break is quoted, with {@code
 * ""} for a quote inside.
 */
public final class RewardCsv {

  /** The columns of a pools' rewards table. */
  public static final List<String> POOL_COLUMNS = List.of("pool_id", "candidate", "reward");

  /** The columns of a pairs' rewards table. */
  public static final List<String> PAIR_COLUMNS = List.of("id", "label", "chosen", "rejected");

  private RewardCsv() {}

  /** Writes the reward of every candidate, {@code rewards[p][c]} for pool p's candidate c. */
  public static void writePools(List<CandidatePool> pools, double[][] rewards, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(String.join(",", POOL_COLUMNS) + "\n");
    for (int p = 0; p < pools.size(); p++) {
      String id = ScoresFile.quote(pools.get(p).id());
      for (int c = 0; c < rewards[p].length; c++) {
        writer.write(id + "," + c + "," + rewards[p][c] + "\n");
      }
    }
    writer.flush();
  }

  /** Writes each pair's rewards of its chosen and rejected answers. */
  public static void writePairs(
      List<PreferencePair> pairs, double[] chosen, double[] rejected, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(String.join(",", PAIR_COLUMNS) + "\n");
    for (int i = 0; i < pairs.size(); i++) {
      PreferencePair pair = pairs.get(i);
      writer.write(
          ScoresFile.quote(pair.id())
              + ","
              + pair.label().jsonName()
              + ","
              + chosen[i]
              + ","
              + rejected[i]
              + "\n");
    }
    writer.flush();
  }
}
