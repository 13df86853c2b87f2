package org.sycolab.heads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.io.AtomicFiles;

/**
 * A saved head: a directory holding {@value #WEIGHTS} and {@value #CARD}. Written inside a staging
 * directory that is renamed into place (see {@link AtomicFiles#writeDirectory}), so a head
 * directory is always complete.
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

  private HeadDirectory() {}

  /**
   * Writes both files into {@code dir}, weights first. Not atomic by itself: give it the staging
   * directory of {@link AtomicFiles#writeDirectory} (as {@code Run.writeOutputDirectory} does).
   */
  public static void writeInto(Path dir, HeadCard card, HeadWeights weights) throws IOException {
    AtomicFiles.write(dir.resolve(WEIGHTS), weights::writeTo);
    AtomicFiles.writeString(dir.resolve(CARD), card.toJson());
  }

  /**
   * Reads a head directory, checking the card's format and the weights against the architecture.
   *
   * @throws ModelFormatException naming the file and field when something does not fit
   */
  public static SavedHead read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          dir + (Files.exists(dir) ? ": not a directory" : ": no such head directory"));
    }
    Path cardFile = dir.resolve(CARD);
    if (!Files.isRegularFile(cardFile)) {
      throw new ModelFormatException(
          cardFile, "missing: " + dir + " is not a head directory (sycolab train writes them)");
    }
    HeadCard card;
    try {
      card = HeadCard.fromJson(Files.readString(cardFile, StandardCharsets.UTF_8));
    } catch (MismatchedInputException e) {
      throw new ModelFormatException(cardFile, field(e), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(cardFile, "json", e.getOriginalMessage(), e);
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
    HeadWeights weights = HeadWeights.read(dir.resolve(WEIGHTS), card.architecture());
    return new SavedHead(dir, card, weights);
  }

  private static void require(Path cardFile, String field, Object value) {
    if (value == null) {
      throw new ModelFormatException(cardFile, field, "missing");
    }
  }

  private static String field(MismatchedInputException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
