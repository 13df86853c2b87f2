package org.sycolab.stage;

import java.util.List;

/**
 * The typed config of a stage ({@link EmbedConfig}, {@link TrainConfig}, …), which says as a {@code
 * sycolab} command line what it asks for.
 */
public interface StageConfig {

  /**
   * The {@code sycolab} command line that makes this config, after the global options: the
   * command's words, then an option for every value, defaults included, so the line asks for the
   * same work whatever a later version's defaults are. Options whose value is absent (no truth
   * floor, no shard) are left out.
   */
  List<String> commandLine();
}
