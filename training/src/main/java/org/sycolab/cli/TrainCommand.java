package org.sycolab.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.data.DataSplit;
import org.sycolab.data.Datasets;
import org.sycolab.data.Label;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.engine.CacheLocation;
import org.sycolab.heads.BradleyTerry;
import org.sycolab.heads.BradleyTerryTrainer;
import org.sycolab.heads.EpochMetrics;
import org.sycolab.heads.FeaturePairs;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.HeadDiagnostics;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadScorer;
import org.sycolab.heads.HeadSummaryTable;
import org.sycolab.heads.HeadVerdict;
import org.sycolab.heads.HeadVerdicts;
import org.sycolab.heads.LongerAnswer;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingResult;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.stage.FeatureVectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code sycolab train}: Bradley–Terry reward heads on cached backbone features. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train reward heads on the features of (prompt, chosen) and (prompt, rejected) with the"
          + " Bradley-Terry loss -log sigmoid(r_c - r_r - margin) + centring*(r_c + r_r)^2, AdamW,"
          + " and early stopping on the dev split's pairwise accuracy. Features come from the"
          + " cache that `sycolab embed` fills; missing ones are computed first.",
      "Splits follow each pair's meta.split (train/dev/test); pairs without one are split by"
          + " prompt, 80/10/10.",
      "After training, every head is judged against the truth on the test split's grounded"
          + " pairs (their chosen answer is the true one): accuracy where the user is wrong"
          + " (conflict, meta.premise false) and where the user is right (control, premise true),"
          + " each with a 95%% Wilson interval, beside picking the longer answer, and a verdict"
          + " (tracks truth, rewards agreement, rewards disagreement (contrarian), prefers false"
          + " answers, no signal, weak) by the rule printed with it. Without control pairs no head"
          + " is said to track truth. `sycolab heads diagnose` adds the pools' 2x2 cell means.",
      "Writes one head directory per label and seed (<label>-seed<s>/ with head.safetensors and"
          + " head.json), heads.csv with their accuracies, verdict.csv (when the test split has"
          + " grounded pairs) and the manifest."
    })
final class TrainCommand extends BaseCommand {

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of preference pairs.")
  Path pairsFile;

  @Option(
      names = "--label",
      paramLabel = "L",
      split = ",",
      defaultValue = "agreeable,grounded",
      description =
          "agreeable, grounded or mixture:P, comma-separated for several heads (default:"
              + " ${DEFAULT-VALUE}). mixture:P trains on every prompt with pairs under both"
              + " labels, a fraction P of which, drawn per prompt from the seed, give their"
              + " agreeable pairs and the rest their grounded pairs (on control prompts both"
              + " labels prefer the same answer, so P decides on conflict prompts).")
  List<String> labels;

  @Option(
      names = "--head",
      paramLabel = "KIND",
      defaultValue = "linear",
      converter = HeadKindConverter.class,
      description = "linear (d->1) or mlp (d->h->1, GELU, dropout) (default: ${DEFAULT-VALUE}).")
  HeadArchitecture.Kind head;

  @Option(
      names = "--hidden",
      paramLabel = "H",
      defaultValue = "256",
      description = "Hidden units of an mlp head (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(
      names = "--dropout",
      paramLabel = "P",
      defaultValue = "0.1",
      description = "Dropout of an mlp head while training (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.EPOCHS,
      description = "Most passes over the training pairs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--minibatch",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.BATCH_SIZE,
      description = "Pairs per optimiser step (default: ${DEFAULT-VALUE}).")
  int minibatch;

  @Option(
      names = "--lr",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.LEARNING_RATE,
      description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--weight-decay",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.WEIGHT_DECAY,
      description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(
      names = "--margin",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.MARGIN,
      description = "Margin inside the loss (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--centring",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.CENTRING,
      description =
          "Coefficient of the (r_c + r_r)^2 term that keeps scores centred (default:"
              + " ${DEFAULT-VALUE}).")
  double centring;

  @Option(
      names = "--patience",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.PATIENCE,
      description =
          "Stop after N epochs without a better dev accuracy (an equal one with a lower dev loss"
              + " counts as better); the best epoch's weights are kept (default:"
              + " ${DEFAULT-VALUE}).")
  int patience;

  @Option(
      names = "--seeds",
      paramLabel = "S",
      split = ",",
      defaultValue = "1",
      description =
          "Train one head per seed (initial weights, pair order, dropout, mixture draw)"
              + " (default: ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(
      names = "--exclude-domains",
      paramLabel = "D",
      split = ",",
      description =
          "Leave out every pair whose meta.domain is one of these, from every split: heads that"
              + " never saw those domains (the held-out domain ablation). Default: none.")
  List<String> excludedDomains = new ArrayList<>();

  @Mixin ModelOptions model;

  @Mixin OutputOptions output;

  @Override
  protected int execute() throws Exception {
    List<TrainingTarget> targets = targets();
    checkOptions(head);
    TrainingConfig base =
        new TrainingConfig(
            epochs, minibatch, learningRate, weightDecay, margin, centring, patience, seeds.get(0));
    Set<Long> distinctSeeds = new LinkedHashSet<>(seeds);
    if (distinctSeeds.size() != seeds.size()) {
      throw new IllegalArgumentException("--seeds lists a seed twice: " + seeds);
    }
    var options = model.backboneOptions();
    List<PreferencePair> pairs =
        withoutDomains(Datasets.readPairs(pairsFile, "--pairs"), excludedDomains);
    Map<PreferencePair, DataSplit> splits = new LinkedHashMap<>();
    int declared = 0;
    for (PreferencePair pair : pairs) {
      try {
        declared += DataSplit.declared(pair).isPresent() ? 1 : 0;
        splits.put(pair, DataSplit.of(pair));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(pairsFile + ": " + e.getMessage(), e);
      }
    }
    String splitSource =
        declared == pairs.size() ? "meta" : declared == 0 ? "prompt-hash" : "meta+prompt-hash";

    // Each head's pairs by split, checked before any work; and every pair some head uses.
    Map<String, Map<DataSplit, List<PreferencePair>>> selections = new LinkedHashMap<>();
    Set<PreferencePair> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TrainingTarget target : targets) {
      for (long seed : seeds) {
        List<PreferencePair> selected = target.select(pairs, seed);
        selections.put(headName(target, seed), requireSplits(target, seed, selected, splits));
        used.addAll(selected);
      }
    }

    // The test split's grounded pairs, on which every head is judged against the truth.
    List<PreferencePair> truthPairs =
        pairs.stream()
            .filter(pair -> pair.label() == Label.GROUNDED && splits.get(pair) == DataSplit.TEST)
            .toList();
    used.addAll(truthPairs);

    BackboneSpec backbone = Backbones.describe(model.model, options, CacheLocation.root());
    Device device = root().device();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("pairs", pairsFile.toString());
    config.put("labels", targets.stream().map(TrainingTarget::toString).toList());
    config.put("head", head.id());
    config.put("training", base);
    config.put("model", model.model);
    config.put("fingerprint", backbone.fingerprint());
    config.put("split_source", splitSource);
    config.put("excluded_domains", excludedDomains);
    Map<String, Long> seedMap = new LinkedHashMap<>();
    seeds.forEach(seed -> seedMap.put("head_seed_" + seed, seed));
    Execution run = startRun(output.open("train"), config, seedMap, device.toString());
    try {
      String dataSha = run.recordInput(pairsFile).sha256();
      List<PairText> texts = FeatureVectors.texts(pairs.stream().filter(used::contains).toList());
      Map<String, float[]> vectors =
          FeatureVectors.of(texts, backbone, device, model.batchSize.value, context().console());
      FeaturePairs truthFeatures =
          truthPairs.isEmpty() ? null : FeaturePairs.lookup(truthPairs, vectors);
      Map<String, HeadCard> cards = new LinkedHashMap<>();
      List<HeadDiagnostics.ScoredHead> truthScores = new ArrayList<>();
      for (TrainingTarget target : targets) {
        for (long seed : seeds) {
          String name = headName(target, seed);
          Map<DataSplit, List<PreferencePair>> bySplit = selections.get(name);
          HeadCard.DataInfo data =
              new HeadCard.DataInfo(
                  pairsFile.toString(),
                  dataSha,
                  splitSource,
                  bySplit.get(DataSplit.TRAIN).size(),
                  bySplit.get(DataSplit.DEV).size(),
                  bySplit.get(DataSplit.TEST).size());
          Trained trained =
              trainOne(
                  run,
                  name,
                  target,
                  base.withSeed(seed),
                  bySplit,
                  vectors,
                  truthFeatures,
                  backbone,
                  data,
                  device);
          cards.put(name, trained.card());
          if (truthFeatures != null) {
            truthScores.add(
                new HeadDiagnostics.ScoredHead(
                    name, target.toString(), trained.truthScores(), new float[0]));
          }
        }
      }
      Table summary = HeadSummaryTable.summary(cards);
      run.writeOutput("heads.csv", out -> ResultCsv.write(summary, out));
      List<HeadVerdict> verdicts = List.of();
      if (!truthPairs.isEmpty()) {
        truthScores.add(LongerAnswer.scored(truthPairs, List.of()));
        verdicts = HeadVerdicts.judge(truthScores, truthPairs, List.of(), new int[0]);
        Table verdictTable = HeadVerdicts.table(verdicts);
        run.writeOutput("verdict.csv", out -> ResultCsv.write(verdictTable, out));
      }
      run.complete();
      out().println(summary.printAll());
      out().println();
      if (verdicts.isEmpty()) {
        out()
            .println(
                "no verdict: the test split has no grounded pairs to judge the heads against the"
                    + " truth");
      } else {
        out()
            .printf(
                Locale.ROOT,
                "on the test split's %d grounded pairs (the 2x2 cell means need pools: sycolab"
                    + " heads diagnose)%n",
                truthPairs.size());
        VerdictLines.print(out(), verdicts);
      }
      out()
          .printf(
              Locale.ROOT, "wrote %d heads to %s%n", summary.rowCount(), run.directory().path());
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
    return ExitCode.OK;
  }

  /**
   * A trained head's card, and its scores of the test split's grounded pairs (empty when there are
   * none).
   */
  private record Trained(HeadCard card, float[] truthScores) {}

  /** Trains, tests and saves one head; returns its card and its scores of {@code truth}. */
  private Trained trainOne(
      Execution run,
      String name,
      TrainingTarget target,
      TrainingConfig config,
      Map<DataSplit, List<PreferencePair>> bySplit,
      Map<String, float[]> vectors,
      FeaturePairs truth,
      BackboneSpec backbone,
      HeadCard.DataInfo data,
      Device device)
      throws Exception {
    FeaturePairs train = FeaturePairs.lookup(bySplit.get(DataSplit.TRAIN), vectors);
    FeaturePairs dev = FeaturePairs.lookup(bySplit.get(DataSplit.DEV), vectors);
    HeadArchitecture architecture = architecture(train.dimension());
    TrainingResult result;
    try (ProgressBar bar =
        ProgressBar.on(err(), "train " + name, "epochs", config.epochs(), root().verbosity())) {
      result =
          new BradleyTerryTrainer(config, device)
              .train(
                  architecture,
                  train,
                  dev,
                  metrics -> {
                    if (metrics.epoch() > 0) {
                      bar.step(1);
                    }
                    if (root().verbosity().compareTo(Verbosity.VERBOSE) >= 0) {
                      err().printf(Locale.ROOT, "%s: %s%n", name, describe(metrics));
                    }
                  });
    }
    if (result.bestEpoch() == 0) {
      warn(
          name
              + ": no epoch beat the initial weights on the dev pairs, so the saved head is its"
              + " random start; try a higher --lr or more --epochs");
    }
    EpochMetrics best = result.best();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("train_accuracy", best.trainAccuracy());
    metrics.put("train_loss", best.trainLoss());
    metrics.put("dev_accuracy", best.devAccuracy());
    metrics.put("dev_loss", best.devLoss());
    List<PreferencePair> testPairs = bySplit.get(DataSplit.TEST);
    float[] truthScores = new float[0];
    try (HeadScorer scorer = new HeadScorer(result.weights(), device)) {
      if (testPairs.isEmpty()) {
        warn(name + ": no test pairs, so head.json has no test_accuracy");
      } else {
        float[] scores = scorer.score(FeaturePairs.lookup(testPairs, vectors));
        metrics.put("test_accuracy", BradleyTerry.accuracy(scores));
        metrics.put(
            "test_loss", BradleyTerry.objective(scores, config.margin(), config.centring()));
      }
      if (truth != null) {
        truthScores = scorer.score(truth);
      }
    }
    HeadCard card =
        new HeadCard(
            HeadCard.FORMAT,
            HeadCard.VERSION,
            target.toString(),
            architecture,
            HeadCard.BackboneInfo.of(model.model, backbone),
            train.dimension(),
            config,
            data,
            result.history(),
            result.bestEpoch(),
            result.stoppedEarly(),
            metrics,
            Instant.now().toString(),
            root().build().sycolabVersion(),
            null); // HeadDirectory records the weights file's digest as it writes it
    run.writeOutputDirectory(name, dir -> HeadDirectory.writeInto(dir, card, result.weights()));
    return new Trained(card, truthScores);
  }

  private void warn(String message) {
    if (root().verbosity().chatty()) {
      err().println("warning: " + message);
    }
  }

  /** Checks the numeric options, naming them, before any data is read. */
  @Override
  protected void check() {
    targets();
    checkOptions(head);
  }

  private void checkOptions(HeadArchitecture.Kind kind) {
    positive("--epochs", epochs);
    positive("--minibatch", minibatch);
    positive("--patience", patience);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
    }
    for (var option :
        List.of(
            Map.entry("--weight-decay", weightDecay),
            Map.entry("--margin", margin),
            Map.entry("--centring", centring))) {
      if (!(option.getValue() >= 0) || !Double.isFinite(option.getValue())) {
        throw new IllegalArgumentException(
            option.getKey() + " must be zero or positive, got " + option.getValue());
      }
    }
    for (String option : List.of("--hidden", "--dropout")) {
      if (kind == HeadArchitecture.Kind.LINEAR
          && spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new IllegalArgumentException(option + " applies to --head mlp only");
      }
    }
    if (kind == HeadArchitecture.Kind.MLP) {
      positive("--hidden", hidden);
      if (!(dropout >= 0 && dropout < 1)) {
        throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
      }
    }
  }

  private static void positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be positive, got " + value);
    }
  }

  private List<TrainingTarget> targets() {
    List<TrainingTarget> targets = new ArrayList<>();
    for (String label : labels) {
      TrainingTarget target = TrainingTarget.parse(label);
      if (targets.contains(target)) {
        throw new IllegalArgumentException("--label lists " + target + " twice");
      }
      targets.add(target);
    }
    return targets;
  }

  private HeadArchitecture architecture(int dimension) {
    return head == HeadArchitecture.Kind.LINEAR
        ? HeadArchitecture.linear(dimension)
        : HeadArchitecture.mlp(dimension, hidden, dropout);
  }

  /**
   * A head's pairs by split. Every head needs training and dev pairs; say which label lacks them,
   * before any work.
   */
  private Map<DataSplit, List<PreferencePair>> requireSplits(
      TrainingTarget target,
      long seed,
      List<PreferencePair> selected,
      Map<PreferencePair, DataSplit> splits) {
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          pairsFile
              + " has no pairs for --label "
              + target
              + (target.isMixture()
                  ? " (a mixture needs prompts with meta.premise false and both labels)"
                  : ""));
    }
    Map<DataSplit, List<PreferencePair>> bySplit = bySplit(selected, splits);
    for (DataSplit needed : List.of(DataSplit.TRAIN, DataSplit.DEV)) {
      if (bySplit.get(needed).isEmpty()) {
        throw new IllegalArgumentException(
            pairsFile
                + ": no "
                + needed.id()
                + " pairs for --label "
                + target
                + " (seed "
                + seed
                + "); a head needs train pairs to learn from and dev pairs for early stopping");
      }
    }
    return bySplit;
  }

  private static Map<DataSplit, List<PreferencePair>> bySplit(
      List<PreferencePair> pairs, Map<PreferencePair, DataSplit> splits) {
    Map<DataSplit, List<PreferencePair>> bySplit = new EnumMap<>(DataSplit.class);
    for (DataSplit split : DataSplit.values()) {
      bySplit.put(split, new ArrayList<>());
    }
    pairs.forEach(pair -> bySplit.get(splits.get(pair)).add(pair));
    return bySplit;
  }

  /** The pairs outside {@code domains}; each domain must occur, so a typo does not pass. */
  private List<PreferencePair> withoutDomains(List<PreferencePair> pairs, List<String> domains) {
    if (domains.isEmpty()) {
      return pairs;
    }
    Set<String> present = new TreeSet<>();
    pairs.forEach(pair -> pair.metaString("domain").ifPresent(present::add));
    for (String domain : domains) {
      if (!present.contains(domain)) {
        throw new IllegalArgumentException(
            "--exclude-domains: no pair of "
                + pairsFile
                + " has meta.domain '"
                + domain
                + "'; domains there: "
                + (present.isEmpty() ? "none" : String.join(", ", present)));
      }
    }
    return pairs.stream()
        .filter(pair -> pair.metaString("domain").map(d -> !domains.contains(d)).orElse(true))
        .toList();
  }

  private static String headName(TrainingTarget target, long seed) {
    return target.fileName() + "-seed" + seed;
  }

  private static String describe(EpochMetrics m) {
    return String.format(
        Locale.ROOT,
        "epoch %d train loss %.4f acc %.4f, dev loss %.4f acc %.4f (%.2f s)",
        m.epoch(),
        m.trainLoss(),
        m.trainAccuracy(),
        m.devLoss(),
        m.devAccuracy(),
        m.seconds());
  }

  /** Reads {@code --head} as an architecture kind. */
  static final class HeadKindConverter
      implements CommandLine.ITypeConverter<HeadArchitecture.Kind> {
    @Override
    public HeadArchitecture.Kind convert(String value) {
      return HeadArchitecture.Kind.parse(value);
    }
  }
}
