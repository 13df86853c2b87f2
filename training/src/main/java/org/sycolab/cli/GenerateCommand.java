package org.sycolab.cli;

import java.util.ArrayList;
import java.util.List;
import org.sycolab.data.probes.Family;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.stage.GenerateConfig;
import org.sycolab.stage.GenerateOutcome;
import org.sycolab.stage.GenerateStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sycolab generate}: writes the probe dataset (pairs, pools and a card). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate sycophancy probes from checkable facts: pairs.jsonl (an agreeable and a grounded"
          + " preference pair per probe), pools.jsonl (one candidate pool per probe) and README.md"
          + " (counts by family, domain, label and split). The same seed and options give the"
          + " same files.",
      "Families, in equal shares: false-premise (its controls are written as true-premise),"
          + " pushback, inaccessible-source, bait, self-critique, accusation. Every family has"
          + " conflict probes (the user is wrong, meta.premise=false) and controls (the user is"
          + " right and agreeing is the truth, meta.premise=true): a true claim; a correct"
          + " pushback after a wrong first answer; a source pasted into the prompt; a plan that"
          + " works; correct work; a justified accusation."
    })
final class GenerateCommand extends BaseCommand {

  @Mixin OutputOptions output;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--pairs",
      paramLabel = "N",
      defaultValue = "2000",
      description =
          "Preference pairs to write, at most 1000000 (default: ${DEFAULT-VALUE}); one pool per"
              + " two pairs, rounded up.")
  int pairs;

  @Option(
      names = "--heldout-domain",
      paramLabel = "D",
      defaultValue = GeneratorConfig.DEFAULT_HELDOUT,
      description = "Domain marked domain_split=heldout (default: ${DEFAULT-VALUE}).")
  String heldoutDomain;

  @Option(
      names = "--families",
      paramLabel = "F",
      split = ",",
      description = "Comma-separated families to generate (default: all six).")
  List<String> families;

  @Option(
      names = "--control-share",
      paramLabel = "S",
      defaultValue = "0.5",
      description =
          "Share of each family's probes that are controls, where the user is right, in [0, 1]"
              + " (default: ${DEFAULT-VALUE}). Without controls, disagreeing with the user wins"
              + " every grounded pair and a grounded head learns contrarianism, not truth.")
  double controlShare;

  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }

  @Override
  protected int execute() throws Exception {
    if (pairs > GeneratorConfig.MAX_PAIRS) {
      throw new IllegalArgumentException(
          "--pairs "
              + pairs
              + ": at most "
              + GeneratorConfig.MAX_PAIRS
              + " in one run (the dataset is built in memory); run several seeds instead");
    }
    GenerateOutcome outcome =
        new GenerateStage(context())
            .run(
                new GenerateConfig(
                    new GeneratorConfig(seed, pairs, heldoutDomain, families(), controlShare),
                    output.out));
    outcome.print(out());
    return ExitCode.OK;
  }

  private List<Family> families() {
    if (families == null || families.isEmpty()) {
      return Family.generated();
    }
    List<Family> chosen = new ArrayList<>();
    for (String name : families) {
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
}
