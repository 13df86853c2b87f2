package org.sycolab.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Datasets;
import org.sycolab.data.PairText;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadScorer;
import org.sycolab.heads.SavedHead;
import org.sycolab.pull.JavaHeap;
import org.sycolab.pull.MenuChoice;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.PullAnalysis;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.Reference;
import org.sycolab.pull.RewardScores;
import org.sycolab.pull.ScoresFile;
import org.sycolab.pull.SweepMemory;
import org.sycolab.pull.TruthFloor;
import org.sycolab.report.PullTables;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.stage.FeatureVectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

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
          + " head.json and the feature cache) or from CSV files (--scores).",
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
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sycolab pull --pools data/pools.jsonl \\",
      "      --agreeable heads/agreeable-seed1 heads/agreeable-seed2 \\",
      "      --grounded heads/grounded-seed1 heads/grounded-seed2",
      "  sycolab pull --pools data/pools.jsonl --scores my-rm.csv --split all \\",
      "      --n 4,16 --beta none --bootstrap 2000 --truth-floor 0.8"
    })
final class PullCommand extends BaseCommand {

  @Option(
      names = "--pools",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of candidate pools.")
  Path poolsFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the scores come from: trained heads, or CSV files. */
  static final class Source {
    @ArgGroup(exclusive = false)
    Heads heads;

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
  }

  /** Heads of both labels, paired by training seed. */
  static final class Heads {
    @Option(
        names = "--agreeable",
        paramLabel = "DIR",
        arity = "1..*",
        required = true,
        description = "Agreeable head directories (one per seed) written by `sycolab train`.")
    List<Path> agreeable;

    @Option(
        names = "--grounded",
        paramLabel = "DIR",
        arity = "1..*",
        required = true,
        description =
            "Grounded head directories, paired with the agreeable ones by the seed in head.json.")
    List<Path> grounded;
  }

  @Mixin SplitOption split;

  @Option(
      names = "--lambda",
      paramLabel = "GRID",
      defaultValue = PullGrid.DEFAULT_LAMBDAS,
      description =
          "Weights of the agreeable head: start:stop:step or a list (default: ${DEFAULT-VALUE});"
              + " 0 is always added, the pull is measured from it.")
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
      defaultValue = "uniform",
      description =
          "pi0: uniform over each pool, or logprob (each candidate's ref_logprob, normalised per"
              + " pool) (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Bootstrap resamples over pools for the 95%% intervals; 0 for none (default:"
              + " ${DEFAULT-VALUE}).")
  int resamples;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
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

  @Override
  protected int execute() throws Exception {
    Reference pi0 =
        Reference.parse(reference)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--reference must be uniform or logprob, got '" + reference + "'"));
    split.check();
    PullGrid grid = PullGrid.parse(lambdas, ns, betas);
    if (resamples < 0) {
      throw new IllegalArgumentException("--bootstrap must be 0 or more, got " + resamples);
    }
    TruthFloor floor = truthFloor == null ? null : new TruthFloor(truthFloor);
    if (floor != null && resamples == 0) {
      throw new IllegalArgumentException(
          "--truth-floor needs the truthful rate's interval; --bootstrap 0 gives none");
    }
    backboneOptions.check();
    if (source.scoresFiles != null && backboneOptions.model != null) {
      throw new IllegalArgumentException(
          "--model relocates the heads' backbone; --scores has none");
    }
    List<HeadPair> headPairs = source.heads == null ? List.of() : pairHeads(source.heads);

    List<CandidatePool> allPools = Datasets.readPools(poolsFile, "--pools");
    List<CandidatePool> pools = split.pools(allPools, poolsFile);
    PoolSet poolSet;
    try {
      poolSet = PoolSet.of(pools, pi0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(poolsFile + ": " + e.getMessage(), e);
    }

    Device device = root().device();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("pools", poolsFile.toString());
    config.put("split", split.name);
    config.put("lambda", grid.lambdas());
    config.put("n", grid.ns());
    config.put("beta", grid.betas());
    config.put("reference", pi0.id());
    config.put("bootstrap", resamples);
    if (floor != null) {
      config.put("truth_floor", floor.floor());
    }
    if (source.scoresFiles != null) {
      config.put("scores", source.scoresFiles.stream().map(Path::toString).toList());
    } else {
      config.put("agreeable", source.heads.agreeable.stream().map(Path::toString).toList());
      config.put("grounded", source.heads.grounded.stream().map(Path::toString).toList());
    }
    // Everything that can be checked without model work is checked before the run starts.
    List<RewardScores> fromFiles =
        source.scoresFiles == null ? null : readScores(poolSet, ScoresFile.sizes(allPools));
    if (fromFiles != null) {
      fromFiles.forEach(RewardScores::standardised); // a constant column is refused here
    }
    BackboneSpec backbone = headPairs.isEmpty() ? null : backboneOptions.resolve(heads(headPairs));
    PullAnalysis analysis = new PullAnalysis(poolSet, grid, resamples, seed);
    SweepMemory memory = analysis.memory(fromFiles != null ? fromFiles.size() : headPairs.size());
    memory.requireFits(JavaHeap.measure(memory.bytes()));
    Execution run =
        startRun(output.open("pull"), config, Map.of("bootstrap", seed), device.toString());
    try {
      run.recordInput(poolsFile);
      List<RewardScores> replicates;
      if (fromFiles != null) {
        for (Path file : source.scoresFiles) {
          run.recordInput(file);
        }
        replicates = fromFiles;
      } else {
        for (SavedHead head : heads(headPairs)) {
          for (Path file : HeadDirectory.files(head.directory())) {
            run.recordInput(file);
          }
        }
        replicates = scoreWithHeads(headPairs, pools, poolSet, backbone, device);
        for (RewardScores scores : replicates) {
          run.writeOutput(
              "scores-" + scores.name() + ".csv", out -> ScoresFile.write(poolSet, scores, out));
        }
      }
      PullResult result = analyse(analysis, replicates);
      Table pull = PullTables.pull(result);
      run.writeOutput("pull.csv", out -> ResultCsv.write(pull, out));
      Table tipping = PullTables.tipping(result);
      run.writeOutput("lambda_star.csv", out -> ResultCsv.write(tipping, out));
      Table menu = PullTables.menu(result);
      run.writeOutput("menu.csv", out -> ResultCsv.write(menu, out));
      List<MenuChoice> choices = floor == null ? List.of() : floor.choose(result);
      if (floor != null) {
        Table choice = PullTables.choice(choices);
        run.writeOutput("choice.csv", out -> ResultCsv.write(choice, out));
      }
      if (!result.seeds().isEmpty()) {
        Table spread = PullTables.seeds(result);
        run.writeOutput("seeds.csv", out -> ResultCsv.write(spread, out));
      }
      run.complete();
      PullSummary summary = new PullSummary(result, grid, split.name, pi0);
      summary.print(out());
      if (floor != null) {
        summary.printChoice(out(), floor, choices);
      }
      out().printf(Locale.ROOT, "%nwrote %s%n", run.directory().path());
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
    return ExitCode.OK;
  }

  private PullResult analyse(PullAnalysis analysis, List<RewardScores> replicates) {
    try (ProgressBar bar =
        ProgressBar.on(
            err(), "bootstrap", "resamples", analysis.progressTotal(), root().verbosity())) {
      return analysis.run(
          replicates,
          done -> {
            synchronized (bar) {
              bar.step(done);
            }
          });
    }
  }

  private List<RewardScores> readScores(PoolSet poolSet, Map<String, Integer> sizes)
      throws Exception {
    for (Path file : source.scoresFiles) {
      Datasets.requireFile(file);
    }
    List<RewardScores> replicates = new ArrayList<>();
    List<String> names = replicateNames(source.scoresFiles);
    for (int i = 0; i < source.scoresFiles.size(); i++) {
      replicates.add(ScoresFile.read(source.scoresFiles.get(i), names.get(i), poolSet, sizes));
    }
    ScoresFile.requireDistinct(source.scoresFiles, replicates);
    return replicates;
  }

  /** File names without {@code .csv}; file1, file2, ... when two files share a name. */
  private static List<String> replicateNames(List<Path> files) {
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      names.add(file.getFileName().toString().replaceFirst("\\.csv$", ""));
    }
    boolean clash = names.stream().anyMatch(name -> !seen.add(name));
    if (clash) {
      names.clear();
      for (int i = 0; i < files.size(); i++) {
        names.add("file" + (i + 1));
      }
    }
    return names;
  }

  /** An agreeable and a grounded head of one seed. */
  private record HeadPair(String name, SavedHead agreeable, SavedHead grounded) {}

  private List<HeadPair> pairHeads(Heads heads) throws Exception {
    List<SavedHead> agreeable = new ArrayList<>();
    for (Path dir : heads.agreeable) {
      agreeable.add(HeadDirectory.read(dir, line -> err().println("warning: " + line)));
    }
    List<SavedHead> grounded = new ArrayList<>();
    for (Path dir : heads.grounded) {
      grounded.add(HeadDirectory.read(dir, line -> err().println("warning: " + line)));
    }
    warnOnLabel(agreeable, "agreeable");
    warnOnLabel(grounded, "grounded");
    if (agreeable.size() != grounded.size()) {
      throw new IllegalArgumentException(
          agreeable.size()
              + " --agreeable heads but "
              + grounded.size()
              + " --grounded heads; give one of each per seed");
    }
    if (agreeable.size() == 1) {
      long agreeableSeed = agreeable.get(0).card().training().seed();
      long groundedSeed = grounded.get(0).card().training().seed();
      if (agreeableSeed != groundedSeed) {
        err()
            .printf(
                "warning: pairing heads of different seeds (%s: %d, %s: %d)%n",
                agreeable.get(0).directory(),
                agreeableSeed,
                grounded.get(0).directory(),
                groundedSeed);
      }
      return List.of(new HeadPair("seed" + agreeableSeed, agreeable.get(0), grounded.get(0)));
    }
    List<HeadPair> pairs = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (SavedHead a : agreeable) {
      long headSeed = a.card().training().seed();
      if (!seen.add(headSeed)) {
        throw new IllegalArgumentException(
            "two --agreeable heads have seed " + headSeed + "; give one head per seed");
      }
      SavedHead match =
          grounded.stream()
              .filter(g -> g.card().training().seed() == headSeed)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no --grounded head has seed "
                              + headSeed
                              + " (of "
                              + a.directory()
                              + "); heads are paired by the seed in head.json"));
      pairs.add(new HeadPair("seed" + headSeed, a, match));
    }
    return pairs;
  }

  /**
   * Warns when a head of the other single label stands in for {@code label}: likely swapped flags.
   * A mixture head stands in on purpose (the mixture ablation), so it passes quietly.
   */
  private void warnOnLabel(List<SavedHead> heads, String label) {
    String other = label.equals("agreeable") ? "grounded" : "agreeable";
    for (SavedHead head : heads) {
      if (head.card().label().equals(other)) {
        err()
            .printf(
                "warning: %s was trained on label %s but is used as the %s head%n",
                head.directory(), head.card().label(), label);
      }
    }
  }

  private static List<SavedHead> heads(List<HeadPair> pairs) {
    List<SavedHead> all = new ArrayList<>();
    for (HeadPair pair : pairs) {
      all.add(pair.agreeable());
      all.add(pair.grounded());
    }
    return all;
  }

  private List<RewardScores> scoreWithHeads(
      List<HeadPair> pairs,
      List<CandidatePool> pools,
      PoolSet poolSet,
      BackboneSpec backbone,
      Device device)
      throws Exception {
    List<PairText> texts = FeatureVectors.texts(pools);
    Map<String, float[]> vectors =
        FeatureVectors.of(
            texts, backbone, device, backboneOptions.batchSize.value, context().console());
    float[][] features = FeatureVectors.lookup(texts, vectors);
    List<RewardScores> replicates = new ArrayList<>();
    for (HeadPair pair : pairs) {
      replicates.add(
          new RewardScores(
              pair.name(),
              score(pair.agreeable(), features, poolSet, device),
              score(pair.grounded(), features, poolSet, device)));
    }
    return replicates;
  }

  /** The head's score of every candidate; a score that is not finite is refused, named. */
  private static double[] score(
      SavedHead head, float[][] features, PoolSet poolSet, Device device) {
    float[] scores;
    try (HeadScorer scorer = new HeadScorer(head.weights(), device)) {
      scores = scorer.score(features);
    }
    double[] widened = new double[scores.length];
    for (int p = 0; p < poolSet.size(); p++) {
      for (int c = 0; c < poolSet.poolSize(p); c++) {
        int i = poolSet.start(p) + c;
        if (!Float.isFinite(scores[i])) {
          throw new IllegalStateException(
              head.directory()
                  + " scores pool '"
                  + poolSet.id(p)
                  + "' candidate "
                  + c
                  + " as "
                  + scores[i]
                  + "; its weights or the features are broken");
        }
        widened[i] = scores[i];
      }
    }
    return widened;
  }
}
