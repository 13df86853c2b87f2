package org.sycolab.bench;

import java.util.List;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;
import org.sycolab.features.TextSlot;

/**
 * The texts a benchmark embeds: probe pairs from the generator, as the embed command reads them.
 */
final class BenchTexts {

  private BenchTexts() {}

  /**
   * The first {@code count} texts of the probe dataset generated with {@code seed}, in the order
   * {@code sycolab embed} reads them ({@link TextSlot#of}).
   */
  static List<PairText> generate(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("--texts must be at least 1, got " + count);
    }
    int pairs = (count + 1) / 2;
    List<PreferencePair> generated =
        ProbeGenerator.standard().generate(GeneratorConfig.of(seed, pairs)).pairs();
    return TextSlot.of(generated).stream().limit(count).map(TextSlot::text).toList();
  }
}
