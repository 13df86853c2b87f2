package org.sycolab.cli.doctor;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * DJL's Hugging Face tokenizers native library loads and tokenizes: a two-word vocabulary written
 * to a temporary tokenizer.json must encode "hello world" as ids [1, 2].
 */
public final class TokenizerCheck implements Check {

  private static final String TOKENIZER_JSON =
      """
      {"version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
       "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null,
       "decoder": null,
       "model": {"type": "WordLevel", "vocab": {"[UNK]": 0, "hello": 1, "world": 2},
                 "unk_token": "[UNK]"}}
      """;

  @Override
  public CheckResult run() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sycolab-doctor");
      Path file = dir.resolve("tokenizer.json");
      Files.writeString(file, TOKENIZER_JSON, StandardCharsets.UTF_8);
      try (HuggingFaceTokenizer tokenizer =
          HuggingFaceTokenizer.builder().optTokenizerPath(file).optMaxLength(16).build()) {
        Encoding encoding = tokenizer.encode("hello world");
        long[] ids = encoding.getIds();
        if (!Arrays.equals(ids, new long[] {1, 2})) {
          return CheckResult.fail(
              "tokenizers",
              "'hello world' encoded as " + Arrays.toString(ids) + ", expected [1, 2]",
              "delete ~/.djl.ai/tokenizers so DJL extracts the library again");
        }
      }
      return CheckResult.ok("tokenizers", "Hugging Face tokenizers native library loads");
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      return CheckResult.fail(
          "tokenizers",
          "the tokenizers native library failed: " + e.getMessage(),
          "make sure ai.djl.huggingface:tokenizers is on the classpath (scripts/sycolab"
              + " builds it) and ~/.djl.ai is writable");
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve("tokenizer.json"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A leftover file in the temp directory is harmless.
    }
  }
}
