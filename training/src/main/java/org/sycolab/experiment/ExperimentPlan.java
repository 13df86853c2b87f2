package org.sycolab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.features.Shard;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.pull.PullGrid;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;
import org.sycolab.stage.PullConfig;
import org.sycolab.stage.ScoreStage;
import org.sycolab.stage.StageConfig;

/**
 * The stages that carry out an experiment in a run directory: data, validation, features of the
 * pairs and the pools, the heads, their diagnostics, the pull of agreeable against grounded heads,
 * one pull per mixture head, and the report. Each stage carries its typed config (see {@link
 * StageConfigs}), or what its stage would refuse in the experiment. Every path is absolute, so the
 * equivalent command lines recorded in the stages' manifests say exactly what ran.
 */
public final class ExperimentPlan {

  private final Experiment experiment;
  private final Path base;
  private final RunLayout run;

  /**
   * Plans {@code experiment}, whose file lies in {@code base}, into the run directory {@code run}.
   */
  public ExperimentPlan(Experiment experiment, Path base, Path run) {
    this.experiment = experiment;
    this.base = base.toAbsolutePath().normalize();
    this.run = new RunLayout(run.toAbsolutePath().normalize());
  }

  /**
   * Every stage in order.
   *
   * @param pairShards run directories of pair-feature shards to merge into the cache first
   * @param poolShards the same for the pools' features
   */
  public List<Stage> stages(List<Path> pairShards, List<Path> poolShards) {
    List<Stage> stages = new ArrayList<>();
    stages.add(data());
    if (experiment.data().generate() != null) {
      // Copied data is validated by its own stage, before it is copied.
      stages.add(
          stage(
              "validate",
              Stage.Step.DATA,
              null,
              () -> StageConfigs.validate(List.of(pairs(), pools()))));
    }
    stages.add(embed("embed-pairs", pairs(), run.pairFeatures(), pairShards, Shard.ALL));
    stages.add(embed("embed-pools", pools(), run.poolFeatures(), poolShards, Shard.ALL));
    List<String> mixtureLabels = mixtures().stream().map(p -> "mixture:" + plain(p)).toList();
    stages.add(train("train", run.heads(), mixtureLabels, List.of()));
    stages.add(diagnose());
    stages.add(pull(run.pull(), run.heads(), "agreeable", Axes.FULL));
    for (String mixture : mixtureLabels) {
      String label = TrainingTarget.parse(mixture).fileName();
      stages.add(pull(run.mixturePull(label), run.heads(), label, Axes.MIXTURE));
    }
    for (String domain : heldoutDomains()) {
      Path heads = run.heldoutHeads(domain);
      stages.add(train("train-heldout-" + domain, heads, List.of(), List.of(domain)));
      stages.add(pull(run.heldoutPull(domain), heads, "agreeable", Axes.BEST_OF_N));
    }
    if (experiment.audit() != null) {
      stages.add(score(RunLayout.AUDIT_PAIRS, pairs(), run.auditPairs()));
      stages.add(score(RunLayout.AUDIT_POOLS, pools(), run.auditPools()));
      stages.add(auditPull());
    }
    stages.add(stage("report", Stage.Step.REPORT, null, () -> StageConfigs.report(run.root())));
    return stages;
  }

  /** Every stage in order, merging the shards of a job array that finished in the run. */
  public List<Stage> stages() throws IOException {
    return stages(
        finishedShards(RunLayout.PAIR_SHARD_PREFIX), finishedShards(RunLayout.POOL_SHARD_PREFIX));
  }

  /**
   * The two embedding commands of {@code shard} of a job array, writing into {@link
   * RunLayout#shard} of the pairs and of the pools.
   */
  public List<Stage> shard(Shard shard) {
    Path pairShard = run.shard(RunLayout.PAIR_SHARD_PREFIX, shard.index(), shard.count());
    Path poolShard = run.shard(RunLayout.POOL_SHARD_PREFIX, shard.index(), shard.count());
    return List.of(
        embed("embed-pairs " + shard, pairs(), pairShard, List.of(), shard),
        embed("embed-pools " + shard, pools(), poolShard, List.of(), shard));
  }

  /** Shard directories of {@code texts} whose embedding finished, sorted by name. */
  private List<Path> finishedShards(String texts) throws IOException {
    Path shards = run.shards();
    if (!Files.isDirectory(shards)) {
      return List.of();
    }
    List<Path> done = new ArrayList<>();
    try (Stream<Path> list = Files.list(shards)) {
      for (Path dir : list.sorted().toList()) {
        Path manifest = dir.resolve(RunManifest.FILE_NAME);
        if (dir.getFileName().toString().startsWith(texts)
            && Files.isRegularFile(manifest)
            && RunManifest.read(manifest).status() == RunManifest.Status.COMPLETE) {
          done.add(dir);
        }
      }
    }
    return done;
  }

  /** The experiment's field behind each option a stage's message may name, by stage. */
  private static final Map<Stage.Step, Map<String, String>> FIELDS =
      Map.of(
          Stage.Step.DATA,
          Map.of(
              "--seed", "data.generate.seed",
              "--pairs", "data.generate.pairs",
              "--heldout-domain", "data.generate.heldout_domain",
              "--families", "data.generate.families",
              "--control-share", "data.generate.control_share"),
          Stage.Step.TRAIN,
          Map.ofEntries(
              Map.entry("--label", "heads.mixture"),
              Map.entry("--exclude-domains", "heads.heldout_domains"),
              Map.entry("--head", "heads.architecture"),
              Map.entry("--hidden", "heads.hidden"),
              Map.entry("--dropout", "heads.dropout"),
              Map.entry("--epochs", "heads.epochs"),
              Map.entry("--minibatch", "heads.minibatch"),
              Map.entry("--lr", "heads.lr"),
              Map.entry("--weight-decay", "heads.weight_decay"),
              Map.entry("--margin", "heads.margin"),
              Map.entry("--centring", "heads.centring"),
              Map.entry("--patience", "heads.patience"),
              Map.entry("--seeds", "heads.seeds")),
          Stage.Step.DIAGNOSE,
          Map.of("--split", "pull.split"),
          Stage.Step.AUDIT,
          Map.ofEntries(
              Map.entry("--model", "audit.model"),
              Map.entry("--max-length", "audit.max_length"),
              Map.entry("--dtype", "audit.dtype"),
              Map.entry("--batch-size", "audit.batch_size"),
              Map.entry("--split", "pull.split"),
              Map.entry("--lambda", "pull.lambda"),
              Map.entry("--n", "pull.n"),
              Map.entry("--beta", "pull.beta"),
              Map.entry("--reference", "pull.reference"),
              Map.entry("--bootstrap", "pull.bootstrap"),
              Map.entry("--seed", "pull.seed")),
          Stage.Step.PULL,
          Map.of(
              "--split", "pull.split",
              "--lambda", "pull.lambda",
              "--n", "pull.n",
              "--beta", "pull.beta",
              "--reference", "pull.reference",
              "--bootstrap", "pull.bootstrap",
              "--seed", "pull.seed",
              "--truth-floor", "pull.truth_floor"));

  /** The fields behind the options every stage may take: the device and the backbone's. */
  private static final Map<String, String> SHARED_FIELDS =
      Map.of(
          "--device", "device",
          "--model", "backbone.model",
          "--pooling", "backbone.pooling",
          "--max-length", "backbone.max_length",
          "--dtype", "backbone.dtype",
          "--no-normalize", "backbone.normalize",
          "--batch-size", "backbone.batch_size");

  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

  /**
   * The experiment's fields behind the options a stage's message names, in the order named: what to
   * fix in the file when a stage refuses what the experiment asks.
   */
  public static List<String> fields(Stage.Step step, String message) {
    Map<String, String> own = FIELDS.getOrDefault(step, Map.of());
    Set<String> fields = new LinkedHashSet<>();
    Matcher m = OPTION.matcher(message);
    while (m.find()) {
      String field = own.getOrDefault(m.group(), SHARED_FIELDS.get(m.group()));
      if (field != null) {
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  /** The pairs file the run reads, inside the run directory. */
  public Path pairs() {
    return run.pairs();
  }

  /** The pools file the run reads, inside the run directory. */
  public Path pools() {
    return run.pools();
  }

  private Stage data() {
    Experiment.Data data = experiment.data();
    if (data.generate() == null) {
      return new Stage(
          RunLayout.DATA,
          Stage.Step.DATA,
          run.data(),
          new DataCopy(
              base.resolve(data.pairs()).normalize(),
              base.resolve(data.pools()).normalize(),
              run.data()),
          null);
    }
    return stage(
        RunLayout.DATA,
        Stage.Step.DATA,
        run.data(),
        () -> StageConfigs.generate(data.generate(), run.data()));
  }

  private Stage embed(String name, Path in, Path directory, List<Path> merge, Shard shard) {
    return stage(
        name,
        Stage.Step.EMBED,
        directory,
        () -> configs().embed(in, model(), shard, merge, directory));
  }

  /** A score stage of the audited reward model over {@code in}, into {@code directory}. */
  private Stage score(String name, Path in, Path directory) {
    Experiment.Audit audit = experiment.audit();
    String model =
        audit.model() == null ? null : base.resolve(audit.model()).normalize().toString();
    return stage(
        name, Stage.Step.AUDIT, directory, () -> StageConfigs.score(audit, model, in, directory));
  }

  /**
   * A train stage into {@code directory}: the agreeable and grounded heads and {@code extraLabels},
   * for every seed, without the pairs of {@code excludedDomains}.
   */
  private Stage train(
      String name, Path directory, List<String> extraLabels, List<String> excludedDomains) {
    List<String> labels = new ArrayList<>(List.of("agreeable", "grounded"));
    labels.addAll(extraLabels);
    return stage(
        name,
        Stage.Step.TRAIN,
        directory,
        () -> configs().train(pairs(), labels, seeds(), excludedDomains, model(), directory));
  }

  private Stage diagnose() {
    long first = seeds().get(0);
    List<Path> heads =
        List.of(
            headDirectory(run.heads(), "agreeable", first),
            headDirectory(run.heads(), "grounded", first));
    return stage(
        RunLayout.DIAGNOSE,
        Stage.Step.DIAGNOSE,
        run.diagnose(),
        () -> configs().diagnose(heads, pairs(), pools(), run.diagnose()));
  }

  /**
   * A pull stage into {@code directory}, named after it, of the {@code agreeable} heads of {@code
   * heads} (every seed) against the grounded heads of the same directory.
   */
  private Stage pull(Path directory, Path heads, String agreeable, Axes axes) {
    PullConfig.Heads source =
        new PullConfig.Heads(headDirectories(heads, agreeable), headDirectories(heads, "grounded"));
    return pull(directory, source, axes, Stage.Step.PULL);
  }

  /**
   * The audited reward model's pull, into {@link RunLayout#auditPull}: its rewards of the pools in
   * the agreeable heads' place against the grounded heads of every seed, over the main sweep's λ, n
   * and β (λ = 1 is the reward model alone), so the report can set it on the heads' menu.
   */
  private Stage auditPull() {
    PullConfig.Reward source =
        new PullConfig.Reward(
            List.of(run.auditPools().resolve(ScoreStage.SCORES_FILE)),
            headDirectories(run.heads(), "grounded"));
    return pull(run.auditPull(), source, Axes.BEST_OF_N_AND_TILT, Stage.Step.AUDIT);
  }

  private Stage pull(Path directory, PullConfig.Source source, Axes axes, Stage.Step step) {
    Experiment.Pull p = pull();
    String lambdas = axes == Axes.MIXTURE ? "0,1" : text(p.lambda());
    boolean tilt = axes == Axes.FULL || axes == Axes.BEST_OF_N_AND_TILT;
    String betas = tilt ? text(p.beta()) : PullGrid.NO_BETAS;
    Double truthFloor = axes == Axes.FULL ? p.truthFloor() : null;
    return stage(
        directory.getFileName().toString(),
        step,
        directory,
        () -> configs().pull(pools(), source, lambdas, text(p.n()), betas, truthFloor, directory));
  }

  /** Which of the experiment's sweep axes a pull stage runs. */
  private enum Axes {
    /** λ, n and β as the experiment gives them. */
    FULL,
    /** λ, n and β, no truth floor: the audited reward model against the grounded heads. */
    BEST_OF_N_AND_TILT,
    /** λ and n, no tilt: the held-out domain ablation. */
    BEST_OF_N,
    /** λ = 0 and 1 only, n, no tilt: a mixture head alone against the grounded head alone. */
    MIXTURE
  }

  private List<Path> headDirectories(Path heads, String label) {
    return seeds().stream().map(seed -> headDirectory(heads, label, seed)).toList();
  }

  private static Path headDirectory(Path heads, String label, long seed) {
    return heads.resolve(RunLayout.headDirectory(label, seed));
  }

  private StageConfigs configs() {
    return new StageConfigs(experiment, heads(), pull());
  }

  /**
   * The model: built in, or a directory or TorchScript file, relative to the experiment file like
   * the data.
   */
  private String model() {
    Experiment.Backbone b = experiment.backbone();
    if (b == null || b.model() == null) {
      return BuiltinModel.defaultModel().reference();
    }
    return b.model().startsWith(BuiltinModel.SCHEME)
        ? b.model()
        : base.resolve(b.model()).normalize().toString();
  }

  private List<Long> seeds() {
    List<Long> seeds = heads().seeds();
    return seeds == null ? List.of(1L) : seeds;
  }

  private List<String> heldoutDomains() {
    List<String> domains = heads().heldoutDomains();
    return domains == null ? List.of() : domains;
  }

  private List<Double> mixtures() {
    List<Double> mixture = heads().mixture();
    return mixture == null ? List.of() : mixture;
  }

  private Experiment.Heads heads() {
    Experiment.Heads h = experiment.heads();
    return h == null
        ? new Experiment.Heads(
            null, null, null, null, null, null, null, null, null, null, null, null, null)
        : h;
  }

  private Experiment.Pull pull() {
    Experiment.Pull p = experiment.pull();
    return p == null ? new Experiment.Pull(null, null, null, null, null, null, null, null) : p;
  }

  /**
   * A stage with the config {@code config} builds; when its stage would refuse what the experiment
   * asks, the stage keeps the refusal instead.
   */
  private static Stage stage(
      String name, Stage.Step step, Path directory, Supplier<StageConfig> config) {
    try {
      return new Stage(name, step, directory, (Record) config.get(), null);
    } catch (IllegalArgumentException e) {
      return new Stage(name, step, directory, null, e.getMessage());
    }
  }

  private static String text(Grid grid) {
    return grid == null ? null : grid.text();
  }

  /** A number as written by hand: 0.5, 1, 0.25. */
  static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
