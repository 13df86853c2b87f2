package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Datasets;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.TextLimits;
import org.sycolab.run.RunLayout;

/**
 * The pools a sweep scored: those of the run's pools file ({@link RunLayout#pools}) whose ids are
 * in the scores file of the sweep's lowest head seed ({@link RunLayout#scoresFile}), in the pools
 * file's order.
 *
 * @param pools the scored pools
 * @param scoresFile the scores file read
 */
record ScoredPools(List<CandidatePool> pools, Path scoresFile) {

  /** The pools file of a run directory. */
  static Path poolsFile(Path runDirectory) {
    return new RunLayout(runDirectory).pools();
  }

  /**
   * Reads the pools scored by the sweep in {@code sweepDirectory}; empty when the run has no pools
   * file or the sweep no scores file.
   *
   * @throws InvalidRunException when a file is there but cannot be read
   */
  static Optional<ScoredPools> read(Path runDirectory, Path sweepDirectory)
      throws InvalidRunException {
    Path poolsFile = poolsFile(runDirectory);
    Optional<Path> scoresFile = lowestSeedScores(sweepDirectory);
    if (!Files.isRegularFile(poolsFile) || scoresFile.isEmpty()) {
      return Optional.empty();
    }
    Set<String> scored =
        RunCsv.read(scoresFile.get(), new RunCsv.Columns().text("pool_id"))
            .stringColumn("pool_id")
            .asSet();
    List<CandidatePool> all = readPools(poolsFile);
    return Optional.of(
        new ScoredPools(
            all.stream().filter(p -> scored.contains(p.id())).toList(), scoresFile.get()));
  }

  /** How many of the scored pools are of {@code domain}. */
  long countInDomain(String domain) {
    return pools.stream().filter(p -> p.domain().equals(domain)).count();
  }

  private static List<CandidatePool> readPools(Path file) throws InvalidRunException {
    try {
      return Datasets.readPools(file, TextLimits.DEFAULT);
    } catch (InvalidDatasetException | IOException e) {
      throw new InvalidRunException(file + ": " + e.getMessage(), e);
    }
  }

  /** The scores file of the lowest head seed in the sweep directory. */
  private static Optional<Path> lowestSeedScores(Path sweepDirectory) throws InvalidRunException {
    try (Stream<Path> files = Files.list(sweepDirectory)) {
      long lowest = Long.MAX_VALUE;
      Path found = null;
      for (Path file : files.toList()) {
        Optional<Long> seed = RunLayout.scoresSeed(file.getFileName().toString());
        if (seed.isPresent() && seed.get() < lowest) {
          lowest = seed.get();
          found = file;
        }
      }
      return Optional.ofNullable(found);
    } catch (IOException e) {
      throw new InvalidRunException(sweepDirectory + ": " + e.getMessage(), e);
    }
  }
}
