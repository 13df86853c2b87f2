package org.sycolab.backbone.torchscript;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A tensor that sycolab can pass to a TorchScript module's {@code forward}, int64 (B,T). */
public enum ModelInput {
  /** Token ids, right-padded with 0. */
  INPUT_IDS,
  /** 1 on real tokens, 0 on padding. */
  ATTENTION_MASK;

  /** The name used in {@code torchscript.json}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The input named by {@link #id()}, or empty. */
  public static Optional<ModelInput> parse(String id) {
    return Arrays.stream(values()).filter(input -> input.id().equals(id)).findFirst();
  }

  /** Every {@link #id()}, comma-separated, for messages. */
  static String known() {
    return Arrays.stream(values()).map(ModelInput::id).collect(Collectors.joining(", "));
  }
}
