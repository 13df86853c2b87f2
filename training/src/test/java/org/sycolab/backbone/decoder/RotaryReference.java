package org.sycolab.backbone.decoder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rotary position embedding as Hugging Face's Llama and Qwen2 apply it: each head vector's first
 * and second halves form pairs {@code (x[j], x[j + d/2])} rotated by {@code position · invFreq[j]},
 * i.e. {@code x·cos + rotate_half(x)·sin} with {@code rotate_half(x) = (−x2, x1)}.
 */
final class RotaryReference {

  private final double[] inverseFrequencies;

  RotaryReference(double[] inverseFrequencies) {
    this.inverseFrequencies = inverseFrequencies.clone();
  }

  /** From config.json's {@code rope_theta} and {@code rope_scaling} (none or llama3). */
  static RotaryReference fromConfig(JsonNode config, int headDim) {
    JsonNode theta = config.get("rope_theta");
    double[] frequencies =
        inverseFrequencies(headDim, theta == null || theta.isNull() ? 10000 : theta.asDouble());
    JsonNode scaling = config.get("rope_scaling");
    if (scaling != null && !scaling.isNull()) {
      String type = scaling.path("rope_type").asText(scaling.path("type").asText());
      if (!type.equals("llama3")) {
        throw new IllegalArgumentException("the reference knows llama3 rope scaling only: " + type);
      }
      frequencies =
          llama3(
              frequencies,
              scaling.get("factor").asDouble(),
              scaling.get("low_freq_factor").asDouble(),
              scaling.get("high_freq_factor").asDouble(),
              scaling.get("original_max_position_embeddings").asDouble());
    }
    return new RotaryReference(frequencies);
  }

  /** {@code 1 / theta^(2j/headDim)} for {@code j < headDim/2}. */
  static double[] inverseFrequencies(int headDim, double theta) {
    double[] frequencies = new double[headDim / 2];
    for (int j = 0; j < frequencies.length; j++) {
      frequencies[j] = 1 / Math.pow(theta, 2.0 * j / headDim);
    }
    return frequencies;
  }

  /**
   * Llama 3's rescaling: wavelengths longer than {@code originalContext / low} are slowed by {@code
   * factor}, those shorter than {@code originalContext / high} kept, those between blended.
   */
  static double[] llama3(
      double[] inverseFrequencies,
      double factor,
      double lowFreqFactor,
      double highFreqFactor,
      double originalContext) {
    double lowFreqWavelength = originalContext / lowFreqFactor;
    double highFreqWavelength = originalContext / highFreqFactor;
    double[] scaled = new double[inverseFrequencies.length];
    for (int j = 0; j < scaled.length; j++) {
      double frequency = inverseFrequencies[j];
      double wavelength = 2 * Math.PI / frequency;
      if (wavelength > lowFreqWavelength) {
        scaled[j] = frequency / factor;
      } else if (wavelength < highFreqWavelength) {
        scaled[j] = frequency;
      } else {
        double smooth =
            (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        scaled[j] = (1 - smooth) * frequency / factor + smooth * frequency;
      }
    }
    return scaled;
  }

  /** The inverse frequencies, one per rotated pair. */
  double[] inverseFrequencies() {
    return inverseFrequencies.clone();
  }

  /** Rotates, in place, each of the {@code heads} consecutive head vectors in {@code vector}. */
  void rotate(double[] vector, int heads, int position) {
    int half = inverseFrequencies.length;
    int headDim = 2 * half;
    if (vector.length != heads * headDim) {
      throw new IllegalArgumentException(
          vector.length + " values are not " + heads + " heads of " + headDim);
    }
    for (int head = 0; head < heads; head++) {
      int first = head * headDim;
      for (int j = 0; j < half; j++) {
        double angle = position * inverseFrequencies[j];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double x1 = vector[first + j];
        double x2 = vector[first + half + j];
        vector[first + j] = x1 * cos - x2 * sin;
        vector[first + half + j] = x2 * cos + x1 * sin;
      }
    }
  }
}
