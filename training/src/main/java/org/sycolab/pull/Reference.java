package org.sycolab.pull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where π₀, the policy that selection starts from, comes from. */
public enum Reference {
  /** Every candidate of a pool equally likely. */
  UNIFORM,
  /** Each candidate's {@code ref_logprob}, normalised within its pool. */
  LOGPROB;

  /** The name on the command line: {@code uniform} or {@code logprob}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The reference {@code --reference} names.
   *
   * @throws IllegalArgumentException naming the option, for any other name
   */
  public static Reference ofOption(String text) {
    return parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--reference must be uniform or logprob, got '" + text + "'"));
  }

  /** The reference a command-line name stands for, or empty. */
  public static Optional<Reference> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.id().equals(text)).findFirst();
  }
}
