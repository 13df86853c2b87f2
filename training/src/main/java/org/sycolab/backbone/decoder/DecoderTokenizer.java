package org.sycolab.backbone.decoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.PairTokenizer;
import org.sycolab.backbone.RawTokenizer;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.Truncation;
import org.sycolab.backbone.TruncationBudget;
import org.sycolab.data.PairText;

/**
 * Encodes a pair for a decoder model as its {@link ChatTemplate} renders it, with the response as
 * the final assistant message; type ids are all 0.
 *
 * <p>The head and response are tokenised in one call, as one text, and the ids are then split where
 * the response begins; a token that spans that point counts as head. Tokenising them apart would
 * not give the same ids: nothing separates them but the text itself, so a byte-level BPE whose
 * pre-tokenizer keeps runs of whitespace together (Qwen2's and Llama 3's {@code \s*[\r\n]+}) would
 * cut a response that starts with a newline from the head's own newline, and a SentencePiece
 * tokenizer would put a word start ({@code ▁}) before the response. The prefix and tail are
 * tokenised on their own: they end and begin at a special token, or are empty. The plain rendering
 * adds the tokenizer's own special tokens (a BOS where its post-processor adds one) around the
 * text.
 *
 * <p>When the pair is too long, the prefix and tail are kept whole and the rest of the budget is
 * divided between head and response as its {@link Truncation} says: shared ({@link
 * TruncationBudget}), the head keeping its end (the latest turn and the assistant header) and the
 * response its start, or with the response kept whole.
 */
public final class DecoderTokenizer implements PairTokenizer {

  private final HuggingFaceTokenizer tokenizer;
  private final ChatTemplate template;
  private final int maxLength;
  private final long[] prefix;
  private final long[] tail;
  private final int closing;
  private final Truncation truncation;

  private DecoderTokenizer(
      HuggingFaceTokenizer tokenizer,
      ChatTemplate template,
      int maxLength,
      long[] prefix,
      long[] tail,
      int closing,
      Truncation truncation) {
    this.tokenizer = tokenizer;
    this.template = template;
    this.maxLength = maxLength;
    this.prefix = prefix;
    this.tail = tail;
    this.closing = closing;
    this.truncation = truncation;
  }

  /**
   * Loads {@code tokenizer.json} and the chat template of a model directory; inputs are cut to
   * {@code maxLength} tokens in all, which must leave room for the prefix, the tail and one token
   * each of head and response.
   */
  public static DecoderTokenizer load(Path modelDir, int maxLength) throws IOException {
    return load(modelDir, maxLength, Truncation.SHARE);
  }

  /** {@link #load(Path, int)} cutting too long a pair as {@code truncation} says. */
  public static DecoderTokenizer load(Path modelDir, int maxLength, Truncation truncation)
      throws IOException {
    Path file = modelDir.resolve(ModelDirectory.TOKENIZER);
    ChatTemplate template = ChatTemplate.read(modelDir);
    HuggingFaceTokenizer tokenizer = RawTokenizer.open(file);
    try {
      long[] prefix = RawTokenizer.ids(tokenizer, template.prefix());
      long[] tail = RawTokenizer.ids(tokenizer, template.tail());
      if (template.format() == ChatFormat.PLAIN) {
        long[][] around = postProcessorTokens(tokenizer, file);
        prefix = concat(around[0], prefix);
        tail = concat(tail, around[1]);
      }
      int fixed = prefix.length + tail.length;
      if (maxLength < fixed + 2) {
        throw new IllegalArgumentException(
            "maxLength "
                + maxLength
                + " is too small for the "
                + template.format().id()
                + " format: it needs at least "
                + (fixed + 2)
                + " tokens ("
                + fixed
                + " for the template's fixed tokens, one each for prompt and response)");
      }
      return new DecoderTokenizer(
          tokenizer,
          template,
          maxLength,
          prefix,
          tail,
          closing(tokenizer, template, tail, file),
          truncation);
    } catch (RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  /**
   * How many of the tail's tokens are the template's end-of-turn token: its ids, which the tail
   * must begin with.
   */
  private static int closing(
      HuggingFaceTokenizer tokenizer, ChatTemplate template, long[] tail, Path file) {
    long[] endOfTurn = RawTokenizer.ids(tokenizer, template.endOfTurn());
    if (endOfTurn.length > tail.length
        || !Arrays.equals(tail, 0, endOfTurn.length, endOfTurn, 0, endOfTurn.length)) {
      throw new ModelFormatException(
          file,
          "added_tokens",
          "tokenises the turn's end "
              + template.endOfTurn()
              + " as "
              + Arrays.toString(endOfTurn)
              + " but the template's tail as "
              + Arrays.toString(tail)
              + ", so the turn's end cannot be found");
    }
    return endOfTurn.length;
  }

  /**
   * The tokens the post-processor puts before and after a text, found by tokenising one text with
   * and without them.
   */
  private static long[][] postProcessorTokens(HuggingFaceTokenizer tokenizer, Path file) {
    long[] bare = tokenizer.encode("a", false, false).getIds();
    long[] marked = tokenizer.encode("a", true, false).getIds();
    for (int start = 0; start + bare.length <= marked.length; start++) {
      if (Arrays.equals(marked, start, start + bare.length, bare, 0, bare.length)) {
        return new long[][] {
          Arrays.copyOfRange(marked, 0, start),
          Arrays.copyOfRange(marked, start + bare.length, marked.length)
        };
      }
    }
    throw new ModelFormatException(
        file,
        "post_processor",
        "changes the text's own tokens (got "
            + Arrays.toString(marked)
            + " for "
            + Arrays.toString(bare)
            + "), so sycolab cannot place its special tokens");
  }

  /** Renders, tokenises and truncates one pair. */
  @Override
  public TokenizedInput tokenize(PairText text) {
    RenderedConversation whole = render(text);
    long[] head = whole.head();
    long[] response = whole.response();
    int budget = maxLength - prefix.length - tail.length;
    TruncationBudget keep = truncation.budget(head.length, response.length, budget);
    int keepHead = keep.prompt();
    int keepResponse = keep.response();
    long[] ids = new long[prefix.length + keepHead + keepResponse + tail.length];
    int at = 0;
    System.arraycopy(prefix, 0, ids, at, prefix.length);
    at += prefix.length;
    System.arraycopy(head, head.length - keepHead, ids, at, keepHead);
    at += keepHead;
    System.arraycopy(response, 0, ids, at, keepResponse);
    at += keepResponse;
    System.arraycopy(tail, 0, ids, at, tail.length);
    return new TokenizedInput(ids, new long[ids.length]);
  }

  /**
   * Renders and tokenises one pair without truncating it: the ids split into the template's parts,
   * where the response's tokens start and end, and how many tail tokens close the turn.
   */
  public RenderedConversation render(PairText text) {
    String head = template.head(text.prompt());
    Encoding encoding = tokenizer.encode(head + template.response(text.response()), false, false);
    long[] body = encoding.getIds();
    int headLength =
        headTokens(encoding.getCharTokenSpans(), head.codePointCount(0, head.length()));
    return new RenderedConversation(
        prefix.clone(),
        Arrays.copyOfRange(body, 0, headLength),
        Arrays.copyOfRange(body, headLength, body.length),
        tail.clone(),
        closing);
  }

  /**
   * How many tokens belong to the head: those before the first that starts at or after {@code
   * boundary}. The spans count characters (code points), not UTF-16 units or bytes; a token without
   * one (which only the post-processor adds) stays with the tokens before it.
   */
  private static int headTokens(CharSpan[] spans, int boundary) {
    int count = 0;
    while (count < spans.length && (spans[count] == null || spans[count].getStart() < boundary)) {
      count++;
    }
    return count;
  }

  private static long[] concat(long[] first, long[] second) {
    long[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
