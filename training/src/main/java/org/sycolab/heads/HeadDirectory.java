package org.sycolab.heads;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

/**
 * A saved head: a directory holding {@value #WEIGHTS} and {@value #CARD}. Written inside a staging
 * directory that is renamed into place (see {@link AtomicFiles#writeDirectory}), so a head
 * directory is always complete. The card records the weights file's SHA-256 and size, and reading
 * checks them before the weights are used, so a damaged file is refused rather than scored with.
 */
public final class HeadDirectory {

  /** The head's description. */
  public static final String CARD = "head.json";

  /** The head's weights. */
  public static final String WEIGHTS = "head.safetensors";

  /** The two files of the head directory {@code dir}: card and weights. */
  public static List<Path> files(Path dir) {
    return List.of(dir.resolve(CARD), dir.resolve(WEIGHTS));
  }

  /** The largest card read; a real one is a few kilobytes. */
  private static final long MAX_CARD_BYTES = 16L << 20;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private HeadDirectory() {}

  /**
   * Writes both files into {@code dir}, weights first, the card recording the weights file's
   * SHA-256 and size (replacing any {@code card} carried). Not atomic by itself: give it the
   * staging directory of {@link AtomicFiles#writeDirectory} (as {@code Run.writeOutputDirectory}
   * does).
   *
   * @return the card as written, with the weights file's digest
   */
  public static HeadCard writeInto(Path dir, HeadCard card, HeadWeights weights)
      throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    weights.writeTo(buffer);
    byte[] bytes = buffer.toByteArray();
    AtomicFiles.writeBytes(dir.resolve(WEIGHTS), bytes);
    HeadCard.WeightsFile written = new HeadCard.WeightsFile(FileDigest.sha256(bytes), bytes.length);
    HeadCard recorded = card.withWeightsFile(written);
    AtomicFiles.writeString(dir.resolve(CARD), recorded.toJson());
    return recorded;
  }

  /**
   * Reads a head directory, checking the card's format, the weights file against the SHA-256 and
   * size the card records, and the weights against the architecture. A head written before cards
   * recorded the digest is accepted, with one warning that its weights are unverified: heads are
   * results users keep, and refusing them would strand them.
   *
   * @param warnings hears one line for a head whose weights cannot be verified
   * @throws ModelFormatException naming the file (with line and column for {@value #CARD}) and
   *     field when something does not fit
   */
  public static SavedHead read(Path dir, Consumer<String> warnings) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          dir + (Files.exists(dir) ? ": not a directory" : ": no such head directory"));
    }
    Path cardFile = dir.resolve(CARD);
    if (!Files.isRegularFile(cardFile)) {
      throw new ModelFormatException(
          cardFile, "missing: " + dir + " is not a head directory (sycolab train writes them)");
    }
    if (Files.size(cardFile) > MAX_CARD_BYTES) {
      throw new ModelFormatException(
          cardFile, "larger than " + MAX_CARD_BYTES + " bytes, far more than any head card");
    }
    HeadCard card;
    try (JsonParser parser = HeadCard.parser(Files.readAllBytes(cardFile))) {
      try {
        card = HeadCard.read(parser);
      } catch (JsonProcessingException e) {
        throw HeadCardProblem.of(cardFile, e, parser);
      }
    }
    if (!HeadCard.FORMAT.equals(card.format()) || card.version() != HeadCard.VERSION) {
      throw new ModelFormatException(
          cardFile,
          "format",
          "expected "
              + HeadCard.FORMAT
              + " version "
              + HeadCard.VERSION
              + ", got "
              + card.format()
              + " version "
              + card.version());
    }
    require(cardFile, "label", card.label());
    require(cardFile, "architecture", card.architecture());
    require(cardFile, "backbone", card.backbone());
    require(cardFile, "backbone.fingerprint", card.backbone().fingerprint());
    require(cardFile, "backbone.reference", card.backbone().reference());
    require(cardFile, "backbone.pooling", card.backbone().pooling());
    if (Pooling.parse(card.backbone().pooling()).isEmpty()) {
      throw new ModelFormatException(
          cardFile,
          "backbone.pooling",
          "expected one of " + Pooling.ids() + ", got " + card.backbone().pooling());
    }
    if (card.backbone().dtype() != null) {
      try {
        Precision.parse(card.backbone().dtype());
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(cardFile, "backbone.dtype", e.getMessage());
      }
    }
    require(cardFile, "training", card.training());
    require(cardFile, "history", card.history());
    require(cardFile, "metrics", card.metrics());
    if (card.featureDimension() != card.architecture().inputDimension()) {
      throw new ModelFormatException(
          cardFile,
          "feature_dimension",
          card.featureDimension()
              + " does not match the architecture's input dimension "
              + card.architecture().inputDimension());
    }
    Path weightsFile = dir.resolve(WEIGHTS);
    if (card.weightsFile() == null) {
      warnings.accept(
          weightsFile
              + ": unverified: "
              + CARD
              + " records no SHA-256 for it (written by an earlier sycolab); retrain the head to"
              + " have its weights checked");
    } else {
      verify(cardFile, weightsFile, card.weightsFile());
    }
    HeadWeights weights = HeadWeights.read(weightsFile, card.architecture());
    return new SavedHead(dir, card, weights);
  }

  /** Refuses a weights file whose size or SHA-256 differs from what the card recorded. */
  private static void verify(Path cardFile, Path weightsFile, HeadCard.WeightsFile recorded)
      throws IOException {
    if (recorded.sha256() == null || !SHA256.matcher(recorded.sha256()).matches()) {
      throw new ModelFormatException(
          cardFile, "weights_file.sha256", "expected 64 lower-case hex digits");
    }
    if (!Files.isRegularFile(weightsFile)) {
      throw new ModelFormatException(
          weightsFile, "missing; retrain the head (sycolab train) or restore it");
    }
    long size = Files.size(weightsFile);
    if (size != recorded.bytes()) {
      throw new ModelFormatException(
          weightsFile,
          "holds "
              + size
              + " bytes but "
              + CARD
              + " records "
              + recorded.bytes()
              + " (truncated or damaged?); retrain the head or restore it");
    }
    if (!FileDigest.sha256(weightsFile).equals(recorded.sha256())) {
      throw new ModelFormatException(
          weightsFile,
          "its bytes do not match the SHA-256 in "
              + CARD
              + " (damaged?); retrain the head or restore it");
    }
  }

  private static void require(Path cardFile, String field, Object value) {
    if (value == null) {
      throw new ModelFormatException(cardFile, field, "missing");
    }
  }
}
