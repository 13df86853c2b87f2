package org.sycolab.backbone.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.PairTokenizer;
import org.sycolab.backbone.RawTokenizer;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.Truncation;
import org.sycolab.backbone.TruncationBudget;
import org.sycolab.data.PairText;

/**
 * Encodes a pair as {@code [CLS] prompt [SEP] response [SEP]}, type ids 0 for the first segment and
 * 1 for the second, cut to the budget as {@link TruncationBudget} splits it.
 */
public final class CrossEncodingTokenizer implements PairTokenizer {

  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;
  private final long cls;
  private final long sep;
  private final Truncation truncation;

  private CrossEncodingTokenizer(
      HuggingFaceTokenizer tokenizer, int maxLength, long cls, long sep, Truncation truncation) {
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
    this.cls = cls;
    this.sep = sep;
    this.truncation = truncation;
  }

  /** Loads {@code tokenizer.json}; inputs are cut to {@code maxLength} tokens in all. */
  public static CrossEncodingTokenizer load(Path tokenizerJson, int maxLength) throws IOException {
    return load(tokenizerJson, maxLength, Truncation.SHARE);
  }

  /** {@link #load(Path, int)} cutting too long a pair as {@code truncation} says. */
  public static CrossEncodingTokenizer load(
      Path tokenizerJson, int maxLength, Truncation truncation) throws IOException {
    HuggingFaceTokenizer tokenizer = RawTokenizer.open(tokenizerJson);
    long[] special = tokenizer.encode("", "", true, false).getIds();
    if (special.length != 3 || special[1] != special[2]) {
      tokenizer.close();
      throw new ModelFormatException(
          tokenizerJson,
          "post_processor",
          "does not produce [CLS] A [SEP] B [SEP] for a pair (got ids "
              + Arrays.toString(special)
              + "); is this a BERT tokenizer?");
    }
    return new CrossEncodingTokenizer(tokenizer, maxLength, special[0], special[1], truncation);
  }

  /** Tokenises and truncates one pair. */
  @Override
  public TokenizedInput tokenize(PairText text) {
    long[] prompt = RawTokenizer.ids(tokenizer, text.renderedPrompt());
    long[] response = RawTokenizer.ids(tokenizer, text.response());
    int budget = maxLength - 3;
    TruncationBudget keep = truncation.budget(prompt.length, response.length, budget);
    int keepPrompt = keep.prompt();
    int keepResponse = keep.response();
    int length = keepPrompt + keepResponse + 3;
    long[] ids = new long[length];
    long[] types = new long[length];
    ids[0] = cls;
    System.arraycopy(prompt, prompt.length - keepPrompt, ids, 1, keepPrompt);
    ids[keepPrompt + 1] = sep;
    System.arraycopy(response, 0, ids, keepPrompt + 2, keepResponse);
    ids[length - 1] = sep;
    Arrays.fill(types, keepPrompt + 2, length, 1L);
    return new TokenizedInput(ids, types);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
