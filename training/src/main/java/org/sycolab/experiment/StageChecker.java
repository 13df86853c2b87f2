package org.sycolab.experiment;

import java.util.List;
import java.util.Optional;

/**
 * Checks a stage's command line as its command would before any work (the options alone, no file
 * read), so a run refuses what a stage would refuse before its directory exists.
 */
@FunctionalInterface
public interface StageChecker {

  /**
   * What the stage's command would refuse in {@code commandLine}, in its own words (naming the
   * option); empty when it accepts it.
   */
  Optional<String> refusal(List<String> commandLine);
}
