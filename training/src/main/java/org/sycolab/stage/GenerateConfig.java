package org.sycolab.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sycolab.data.probes.Family;
import org.sycolab.data.probes.GeneratorConfig;

/**
 * What {@code sycolab generate} makes: the probe generator's settings and where they go.
 *
 * @param generator seed, pair count, held-out domain, families and control share
 * @param out the directory to write into; null for a fresh {@code runs/generate-<time>/}
 */
public record GenerateConfig(GeneratorConfig generator, Path out) implements StageConfig {

  /** Requires the generator's settings. */
  public GenerateConfig {
    Objects.requireNonNull(generator, "generator");
  }

  /**
   * The config of {@code sycolab generate}'s options, checked with its messages.
   *
   * @param families family names as the command line writes them; empty for every family
   * @throws IllegalArgumentException naming the option at fault
   */
  public static GenerateConfig of(
      long seed,
      int pairs,
      String heldoutDomain,
      List<String> families,
      double controlShare,
      Path out) {
    if (pairs > GeneratorConfig.MAX_PAIRS) {
      throw new IllegalArgumentException(
          "--pairs "
              + pairs
              + ": at most "
              + GeneratorConfig.MAX_PAIRS
              + " in one run (the dataset is built in memory); run several seeds instead");
    }
    return new GenerateConfig(
        new GeneratorConfig(seed, pairs, heldoutDomain, families(families), controlShare), out);
  }

  private static List<Family> families(List<String> names) {
    if (names.isEmpty()) {
      return Family.generated();
    }
    List<Family> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          Family.fromJson(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--families: unknown family '"
                              + name
                              + "', expected some of "
                              + Family.generated().stream().map(Family::jsonName).toList())));
    }
    return chosen;
  }

  /** Every value as an option; {@code --families} only when not every family is generated. */
  @Override
  public List<String> commandLine() {
    List<Family> families = generator.families();
    return new CommandLineWords("generate")
        .option("--seed", generator.seed())
        .option("--pairs", generator.pairs())
        .option("--heldout-domain", generator.heldoutDomain())
        .joined(
            "--families",
            families.equals(Family.generated())
                ? List.of()
                : families.stream().map(Family::jsonName).toList())
        .option("--control-share", generator.controlShare())
        .option("--out", out)
        .words();
  }
}
