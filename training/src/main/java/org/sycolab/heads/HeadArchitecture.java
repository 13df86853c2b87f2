package org.sycolab.heads;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a reward head: {@code linear} (d→1) or {@code mlp} (d→h, GELU, dropout, h→1).
 *
 * @param kind linear or mlp
 * @param inputDimension d, the backbone's feature dimension
 * @param hidden h for an MLP, 0 for a linear head
 * @param dropout dropout rate after the MLP's activation during training, 0 for a linear head
 */
public record HeadArchitecture(Kind kind, int inputDimension, int hidden, double dropout) {

  /** The two head families. */
  public enum Kind {
    /** One linear map to a scalar. */
    @JsonProperty("linear")
    LINEAR,
    /** A hidden layer with GELU and dropout, then a linear map to a scalar. */
    @JsonProperty("mlp")
    MLP;

    /** The name used on the command line and in head.json. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code linear} or {@code mlp}. */
    public static Kind parse(String text) {
      for (Kind kind : values()) {
        if (kind.id().equals(text)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("head must be linear or mlp, got '" + text + "'");
    }
  }

  /** Checks the sizes. */
  public HeadArchitecture {
    if (kind == null) {
      throw new IllegalArgumentException("head kind missing");
    }
    if (inputDimension < 1) {
      throw new IllegalArgumentException(
          "feature dimension must be positive, got " + inputDimension);
    }
    if (kind == Kind.LINEAR && (hidden != 0 || dropout != 0)) {
      throw new IllegalArgumentException("a linear head has no hidden layer or dropout");
    }
    if (kind == Kind.MLP && hidden < 1) {
      throw new IllegalArgumentException("MLP hidden size must be positive, got " + hidden);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  /** A linear head on {@code d}-dimensional features. */
  public static HeadArchitecture linear(int d) {
    return new HeadArchitecture(Kind.LINEAR, d, 0, 0);
  }

  /** An MLP head on {@code d}-dimensional features. */
  public static HeadArchitecture mlp(int d, int hidden, double dropout) {
    return new HeadArchitecture(Kind.MLP, d, hidden, dropout);
  }

  /**
   * The head's tensors in a fixed order, by name, with their shapes ({@code out, in} for weights,
   * as in PyTorch's {@code nn.Linear}).
   */
  public Map<String, long[]> tensorShapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    if (kind == Kind.LINEAR) {
      shapes.put(LINEAR_WEIGHT, new long[] {1, inputDimension});
      shapes.put(LINEAR_BIAS, new long[] {1});
    } else {
      shapes.put(FC1_WEIGHT, new long[] {hidden, inputDimension});
      shapes.put(FC1_BIAS, new long[] {hidden});
      shapes.put(FC2_WEIGHT, new long[] {1, hidden});
      shapes.put(FC2_BIAS, new long[] {1});
    }
    return shapes;
  }

  /** The linear head's weight, (1, d). */
  public static final String LINEAR_WEIGHT = "linear.weight";

  /** The linear head's bias, (1). */
  public static final String LINEAR_BIAS = "linear.bias";

  /** The MLP's hidden layer weight, (h, d). */
  public static final String FC1_WEIGHT = "fc1.weight";

  /** The MLP's hidden layer bias, (h). */
  public static final String FC1_BIAS = "fc1.bias";

  /** The MLP's output weight, (1, h). */
  public static final String FC2_WEIGHT = "fc2.weight";

  /** The MLP's output bias, (1). */
  public static final String FC2_BIAS = "fc2.bias";
}
