package org.sycolab.cli;

import java.util.List;
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
      defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--pairs",
      paramLabel = "N",
      defaultValue = "" + GeneratorConfig.DEFAULT_PAIRS,
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
      defaultValue = "" + GeneratorConfig.DEFAULT_CONTROL_SHARE,
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
    GenerateOutcome outcome = new GenerateStage(context()).run(config());
    outcome.print(out());
    return ExitCode.OK;
  }

  /** The options as the stage's config, checked with their messages. */
  private GenerateConfig config() {
    return GenerateConfig.of(
        seed,
        pairs,
        heldoutDomain,
        families == null ? List.of() : families,
        controlShare,
        output.out);
  }
}
