package org.sycolab.cli;

import java.nio.file.Path;
import java.util.List;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.Reference;
import org.sycolab.stage.PullConfig;
import org.sycolab.stage.PullOutcome;
import org.sycolab.stage.PullStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sycolab pull}: how far approval-weighted reward drags selected answers from the truth. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure how far the mixed reward r = lambda*z_A + (1-lambda)*z_G pulls the answers that"
          + " best-of-n and the KL tilt select from each candidate pool away from the truthful"
          + " ones. Exact, no sampling: best-of-n selects y with F(y)^n - F-(y)^n under the"
          + " reference pi0 (ties split in proportion to pi0), the tilt with pi0*exp(r/beta)."
          + " Each head's scores are z-scored over the evaluated pools.",
      "Scores come from trained heads (--agreeable/--grounded, through the backbone recorded in"
          + " head.json and the feature cache), from CSV files (--scores), or from a reward model"
          + " under audit (--reward, as `sycolab score` writes it): alone, with no lambda, every"
          + " rate below is measured under best-of-n and the tilt of the audited reward itself;"
          + " with --grounded heads, lambda weighs the audited reward (z_R) in the agreeable"
          + " head's place.",
      "Rates are fractions of the selection: truthful_rate (truthful answers, every pool);"
          + " regressive_rate (agreeing where the user is wrong: premise-false pools; this is"
          + " sycophancy); progressive_rate (accepting where the user is right: premise-true"
          + " pools; accepting a correct claim, pushback or correction is not sycophancy);"
          + " contrarian_rate (disagreeing where the user is right); capitulation_rate (giving"
          + " in to wrong pushback: premise-false pushback pools); fabrication_rate (claiming to"
          + " read a source that cannot be read: premise-false inaccessible-source pools). Also"
          + " pull in percentage points, kl in nats, approval = z_A of the selection.",
      "Reference selectors run on the same pools and bootstrap resamples, each in the grounded"
          + " head's place in r (z-scored the same way, mixed with each seed's agreeable head and"
          + " averaged over seeds like the heads, so at lambda 1 every reward equals the heads):"
          + " oracle (the truthful flag: the truth"
          + " a perfect grounded reward buys), and the content-blind agree (the agrees flag),"
          + " disagree (1 - agrees) and longest (response length in characters). Tied rewards"
          + " (binary references tie often) are exact: best-of-n shares a tied level in proportion"
          + " to pi0, as picking uniformly among the drawn tied maxima does.",
      "Writes pull.csv (reward,lambda,n,beta,metric,family,domain,value,lo,hi; reward is mixed"
          + " for the heads' rows, else oracle, agree, disagree or longest), lambda_star.csv and"
          + " menu.csv (with the same reward column), seeds.csv (several seeds), for heads the"
          + " scores they gave (scores-seed<s>.csv, in --scores form), and the manifest; prints"
          + " the headline, the references beside the heads and the share of the oracle's truth"
          + " gain the heads recover. With --truth-floor, also choice.csv (reward,selection,n,"
          + "beta,family,truth_floor,lambda,truthful_rate,truthful_lo,truthful_hi,approval,reason)"
          + " and its rows over all pools at the headline's n.",
      "With --reward alone: pull.csv (reward,n,beta,metric,family,domain,value,lo,hi),"
          + " menu.csv and seeds.csv (several files) have no lambda column and no pull; reward is"
          + " audited for the audited reward's rows, else the reference's name, and the approval"
          + " is audited_reward (the audited reward's z-score of the selection). No"
          + " lambda_star.csv, choice.csv or flips.csv.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sycolab pull --pools data/pools.jsonl \\",
      "      --agreeable heads/agreeable-seed1 heads/agreeable-seed2 \\",
      "      --grounded heads/grounded-seed1 heads/grounded-seed2",
      "  sycolab pull --pools data/pools.jsonl --scores my-rm.csv --split all \\",
      "      --n 4,16 --beta none --bootstrap 2000 --truth-floor 0.8",
      "  sycolab pull --pools data/pools.jsonl --reward scores.csv --split all",
      "  sycolab pull --pools data/pools.jsonl --reward scores.csv \\",
      "      --grounded heads/grounded-seed1 heads/grounded-seed2"
    })
final class PullCommand extends BaseCommand {

  @Option(
      names = "--pools",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of candidate pools.")
  Path poolsFile;

  @Option(
      names = "--agreeable",
      paramLabel = "DIR",
      arity = "1..*",
      description =
          "Agreeable head directories (one per seed) written by `sycolab train`; with --grounded.")
  List<Path> agreeable;

  @Option(
      names = "--grounded",
      paramLabel = "DIR",
      arity = "1..*",
      description =
          "Grounded head directories: paired with the agreeable ones by the seed in head.json, or"
              + " weighed against --reward.")
  List<Path> grounded;

  @Option(
      names = "--scores",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "CSV files with columns pool_id, candidate (0-based index in the pool), agreeable,"
              + " grounded; one file per seed (not one file twice). Every candidate of an"
              + " evaluated pool needs a row; scores in plain decimal (-1.25, 3e-2), at most 1e150"
              + " in size.")
  List<Path> scoresFiles;

  @Option(
      names = "--reward",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Audit a reward model: CSV files with columns pool_id, candidate, reward, as `sycolab"
              + " score` writes them (rows and numbers checked as for --scores). Alone: one file"
              + " per run of the reward (a seed, a checkpoint), no lambda; best-of-n and the tilt"
              + " optimise the audited reward itself, beside the oracle, the content-blind"
              + " selectors and pi0. With --grounded: the audited reward takes the agreeable"
              + " head's place, r = lambda*z_R + (1-lambda)*z_G per grounded seed; one file"
              + " shared by every seed, or one per --grounded head in the same order.")
  List<Path> rewardFiles;

  @Mixin SplitOption split;

  @Option(
      names = "--lambda",
      paramLabel = "GRID",
      description =
          "Weights of the agreeable head (or of the audited reward with --grounded):"
              + " start:stop:step or a list (default: "
              + PullGrid.DEFAULT_LAMBDAS
              + "); 0 is always added, the pull is measured from it. Not with --reward alone,"
              + " which has no lambda.")
  String lambdas;

  @Option(
      names = "--n",
      paramLabel = "LIST",
      defaultValue = PullGrid.DEFAULT_NS,
      description = "Best-of-n sizes (default: ${DEFAULT-VALUE}).")
  String ns;

  @Option(
      names = "--beta",
      paramLabel = "LIST",
      defaultValue = PullGrid.DEFAULT_BETAS,
      description =
          "Temperatures of the tilt pi0*exp(r/beta), r in z units (default: ${DEFAULT-VALUE});"
              + " 'none' for no tilt.")
  String betas;

  @Option(
      names = "--reference",
      paramLabel = "R",
      defaultValue = PullConfig.REFERENCE,
      description =
          "pi0: uniform over each pool, or logprob (each candidate's ref_logprob, normalised per"
              + " pool) (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      defaultValue = "" + PullConfig.BOOTSTRAP,
      description =
          "Bootstrap resamples over pools for the 95%% intervals; 0 for none (default:"
              + " ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + PullConfig.SEED,
      description = "Seed of the bootstrap resamples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--truth-floor",
      paramLabel = "F",
      description =
          "The menu as a choice: a truthful rate in [0, 1] to stay at or above. Per reward,"
              + " family (and all pools), best-of-n size and tilt beta, choice.csv gives the most"
              + " agreeable lambda (the largest on the grid) whose truthful rate's lower 95%%"
              + " bootstrap end is at least F, with its truthful rate and approval; where no lambda"
              + " meets F, lambda is empty and the reason column says why. Needs --bootstrap above"
              + " 0. Default: none, and no choice.csv.")
  Double truthFloor;

  @Mixin HeadBackboneOptions backboneOptions;

  @Mixin OutputOptions output;

  /** The options as the stage's config; reads no file. */
  private PullConfig config() {
    Reference pi0 = Reference.ofOption(reference);
    PullConfig.Source rewards = source();
    boolean audit = rewards instanceof PullConfig.Reward reward && reward.alone();
    PullGrid grid =
        PullGrid.parse(
            lambdas != null ? lambdas : audit ? "0" : PullGrid.DEFAULT_LAMBDAS, ns, betas);
    return new PullConfig(
        poolsFile,
        rewards,
        split.selected(),
        grid,
        pi0,
        resamples,
        seed,
        truthFloor,
        backboneOptions.model,
        backboneOptions.batchSize.value,
        output.out);
  }

  /**
   * Where the rewards come from, from the options that give them.
   *
   * @throws IllegalArgumentException naming the options, when they conflict or are missing
   */
  private PullConfig.Source source() {
    if (scoresFiles != null) {
      if (agreeable != null || grounded != null) {
        throw new IllegalArgumentException(
            "--scores tables hold both rewards; --agreeable and --grounded heads cannot be given"
                + " with them");
      }
      if (rewardFiles != null) {
        throw new IllegalArgumentException(
            "--scores and --reward exclude each other: --scores holds agreeable and grounded"
                + " scores, --reward an audited reward model's");
      }
      return new PullConfig.Scores(scoresFiles);
    }
    if (rewardFiles != null) {
      if (agreeable != null) {
        throw new IllegalArgumentException(
            "--reward and --agreeable exclude each other: the audited reward takes the agreeable"
                + " head's place (weigh it against --grounded heads)");
      }
      return new PullConfig.Reward(rewardFiles, grounded == null ? List.of() : grounded);
    }
    if (agreeable != null && grounded != null) {
      return new PullConfig.Heads(agreeable, grounded);
    }
    if (agreeable != null) {
      throw new IllegalArgumentException("--agreeable heads need --grounded heads to pair with");
    }
    if (grounded != null) {
      throw new IllegalArgumentException(
          "--grounded heads need --agreeable heads or a --reward to weigh against");
    }
    throw new IllegalArgumentException(
        "give the rewards: --agreeable and --grounded heads, --scores tables, or --reward (alone,"
            + " or with --grounded heads)");
  }

  @Override
  protected int execute() throws Exception {
    PullOutcome outcome = new PullStage(context()).run(config());
    outcome.print(out());
    return ExitCode.OK;
  }
}
