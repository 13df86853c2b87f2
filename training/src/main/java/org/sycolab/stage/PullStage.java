package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Datasets;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.SavedHead;
import org.sycolab.pull.AuditHeadline;
import org.sycolab.pull.Flips;
import org.sycolab.pull.Headline;
import org.sycolab.pull.JavaHeap;
import org.sycolab.pull.MenuChoice;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.PullAnalysis;
import org.sycolab.pull.PullHeadline;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.RewardScores;
import org.sycolab.pull.ScoresFile;
import org.sycolab.pull.SweepMemory;
import org.sycolab.report.AuditTables;
import org.sycolab.report.FlipsTable;
import org.sycolab.report.PullTables;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Table;

/**
 * The pull: how far approval-weighted reward drags the answers best-of-n and the tilt select from
 * each candidate pool away from the truthful ones. Reads the pools, scores their candidates with
 * trained heads (paired by seed, through the feature cache) or takes the scores from tables, checks
 * the sweep fits in memory, sweeps, and writes (for an audited reward alone, which has no λ, the
 * {@link AuditTables} instead) {@code pull.csv}, {@code lambda_star.csv}, {@code menu.csv}, {@code
 * choice.csv} (with a truth floor), {@code seeds.csv} (several seeds), the heads' {@code
 * scores-<replicate>.csv} with the flip examples of the lowest seed ({@code flips.csv}), and the
 * manifest. Everything that can be checked without model work is checked before the execution
 * starts.
 */
public final class PullStage {

  /** The stage's name: its command and its fresh directories' prefix. */
  public static final String NAME = "pull";

  private final StageContext context;

  /** A stage that reports, computes and records through {@code context}. */
  public PullStage(StageContext context) {
    this.context = context;
  }

  /** Runs the sweep {@code config} describes. */
  public PullOutcome run(PullConfig config) throws Exception {
    StageConsole console = context.console();
    PullHeads heads = heads(config.source(), console);
    List<CandidatePool> allPools = Datasets.readPools(config.pools(), "--pools");
    List<CandidatePool> pools = config.split().pools(allPools, config.pools());
    PoolSet poolSet;
    try {
      poolSet = PoolSet.of(pools, config.reference());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.pools() + ": " + e.getMessage(), e);
    }
    Device device = context.device();
    List<RewardScores> fromFiles = null;
    List<double[]> audited = List.of();
    if (config.source() instanceof PullConfig.Scores tables) {
      fromFiles = PullScoreFiles.read(tables.files(), poolSet, ScoresFile.sizes(allPools));
    } else if (config.source() instanceof PullConfig.Reward reward) {
      audited = PullRewardFiles.read(reward.files(), poolSet, ScoresFile.sizes(allPools));
      if (reward.alone()) {
        fromFiles = PullRewardFiles.alone(reward.files(), audited);
      } else {
        audited = PullRewardFiles.perSeed(audited, heads.size());
      }
    }
    BackboneSpec backbone = heads == null ? null : heads.backbone(config.model());
    PullAnalysis analysis =
        new PullAnalysis(poolSet, config.grid(), config.bootstrap(), config.seed());
    SweepMemory memory = analysis.memory(fromFiles != null ? fromFiles.size() : heads.size());
    memory.requireFits(JavaHeap.measure(memory.bytes()));
    Execution run =
        context.start(
            NAME,
            RunDirectory.atOrFresh(config.out(), NAME),
            manifestConfig(config),
            Map.of("bootstrap", config.seed()),
            device.toString());
    try {
      run.recordInput(config.pools());
      for (Path file : files(config.source())) {
        run.recordInput(file);
      }
      List<RewardScores> replicates;
      if (heads == null) {
        replicates = fromFiles;
      } else {
        for (SavedHead head : heads.all()) {
          for (Path file : HeadDirectory.files(head.directory())) {
            run.recordInput(file);
          }
        }
        replicates =
            heads.score(
                pools,
                poolSet,
                backbone,
                device,
                context.engine(),
                config.batchSize(),
                audited,
                console);
        // With an audited reward in the agreeable head's place, its column is named for it.
        String first =
            config.source() instanceof PullConfig.Reward
                ? ScoresFile.REWARD_COLUMNS.get(2)
                : ScoresFile.COLUMNS.get(2);
        for (RewardScores scores : replicates) {
          run.writeOutput(
              RunLayout.scoresFile(scores.name()),
              out -> ScoresFile.write(poolSet, scores, first, out));
        }
      }
      PullResult result = analyse(analysis, replicates, console);
      List<MenuChoice> choices =
          config.floor().map(floor -> floor.choose(result)).orElse(List.of());
      List<PullOutcome.NamedTable> tables;
      Headline headline;
      if (config.audit()) {
        tables = auditTables(result);
        headline = AuditHeadline.of(result, config.grid());
      } else {
        Optional<Table> flips =
            heads != null
                ? Optional.of(flips(pools, poolSet, replicates, config))
                : Optional.empty();
        tables = tables(result, config, choices, flips);
        headline =
            PullHeadline.of(
                result,
                config.grid(),
                choices,
                config.source() instanceof PullConfig.Reward
                    ? PullHeadline.Weighed.AUDITED_REWARD
                    : PullHeadline.Weighed.AGREEABLE_HEAD);
      }
      for (PullOutcome.NamedTable table : tables) {
        run.writeOutput(table.file(), out -> ResultCsv.write(table.table(), out));
      }
      run.complete();
      return new PullOutcome(
          run.directory().path(),
          config.split(),
          config.reference(),
          config.floor(),
          result,
          headline,
          choices,
          tables);
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
  }

  /** The heads to score with, read and paired; none when every score comes from files. */
  private static PullHeads heads(PullConfig.Source source, StageConsole console)
      throws IOException {
    if (source instanceof PullConfig.Heads given) {
      return PullHeads.read(given, console);
    }
    if (source instanceof PullConfig.Reward reward && !reward.alone()) {
      return PullHeads.grounded(reward.grounded(), console);
    }
    return null;
  }

  /** The scores tables the source names: its --scores or --reward files. */
  private static List<Path> files(PullConfig.Source source) {
    if (source instanceof PullConfig.Scores tables) {
      return tables.files();
    }
    if (source instanceof PullConfig.Reward reward) {
      return reward.files();
    }
    return List.of();
  }

  /** The config as the manifest records it. */
  private static Map<String, Object> manifestConfig(PullConfig config) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("pools", config.pools().toString());
    recorded.put("split", config.split().name());
    recorded.put("lambda", config.grid().lambdas());
    recorded.put("n", config.grid().ns());
    recorded.put("beta", config.grid().betas());
    recorded.put("reference", config.reference().id());
    recorded.put("bootstrap", config.bootstrap());
    if (config.truthFloor() != null) {
      recorded.put("truth_floor", config.truthFloor());
    }
    if (config.source() instanceof PullConfig.Scores tables) {
      recorded.put("scores", strings(tables.files()));
    } else if (config.source() instanceof PullConfig.Heads heads) {
      recorded.put("agreeable", strings(heads.agreeable()));
      recorded.put("grounded", strings(heads.grounded()));
    } else if (config.source() instanceof PullConfig.Reward reward) {
      recorded.put("reward", strings(reward.files()));
      if (!reward.alone()) {
        recorded.put("grounded", strings(reward.grounded()));
      }
    }
    return recorded;
  }

  private static List<String> strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }

  /** The sweep, with a progress display of the bootstrap resamples. */
  private static PullResult analyse(
      PullAnalysis analysis, List<RewardScores> replicates, StageConsole console) {
    try (StageConsole.Progress progress =
        console.progress("bootstrap", "resamples", analysis.progressTotal())) {
      return analysis.run(
          replicates,
          done -> {
            synchronized (progress) {
              progress.step(done);
            }
          });
    }
  }

  /**
   * The flip examples of the lowest head seed, as the report shows them: the pools whose top
   * candidate turns from truthful to sycophantic as λ rises.
   */
  private static Table flips(
      List<CandidatePool> pools,
      PoolSet poolSet,
      List<RewardScores> replicates,
      PullConfig config) {
    RewardScores lowest =
        replicates.stream().min(Comparator.comparingLong(PullStage::seed)).orElseThrow();
    return FlipsTable.of(pools, Flips.find(poolSet, lowest, config.grid().lambdas()));
  }

  /** The head seed a replicate is named after. */
  private static long seed(RewardScores replicate) {
    return RunLayout.scoresSeed(RunLayout.scoresFile(replicate.name())).orElseThrow();
  }

  /** An audit's tables ({@link AuditTables}), in the order they are written. */
  private static List<PullOutcome.NamedTable> auditTables(PullResult result) {
    List<PullOutcome.NamedTable> tables = new ArrayList<>();
    tables.add(new PullOutcome.NamedTable(RunLayout.PULL_FILE, AuditTables.pull(result)));
    tables.add(new PullOutcome.NamedTable(RunLayout.MENU_FILE, AuditTables.menu(result)));
    if (!result.seeds().isEmpty()) {
      tables.add(new PullOutcome.NamedTable(RunLayout.SEEDS_FILE, AuditTables.seeds(result)));
    }
    return tables;
  }

  /** The tables to write, in the order they are written; the flips only when heads scored. */
  private static List<PullOutcome.NamedTable> tables(
      PullResult result, PullConfig config, List<MenuChoice> choices, Optional<Table> flips) {
    List<PullOutcome.NamedTable> tables = new ArrayList<>();
    tables.add(new PullOutcome.NamedTable(RunLayout.PULL_FILE, PullTables.pull(result)));
    tables.add(new PullOutcome.NamedTable(RunLayout.LAMBDA_STAR_FILE, PullTables.tipping(result)));
    tables.add(new PullOutcome.NamedTable(RunLayout.MENU_FILE, PullTables.menu(result)));
    if (config.truthFloor() != null) {
      tables.add(new PullOutcome.NamedTable(RunLayout.CHOICE_FILE, PullTables.choice(choices)));
    }
    if (!result.seeds().isEmpty()) {
      tables.add(new PullOutcome.NamedTable(RunLayout.SEEDS_FILE, PullTables.seeds(result)));
    }
    flips.ifPresent(table -> tables.add(new PullOutcome.NamedTable(RunLayout.FLIPS_FILE, table)));
    return tables;
  }
}
