package org.sycolab.backbone.decoder;

/**
 * A conversation and its response as a {@link DecoderTokenizer} renders them, untruncated, in the
 * four parts of its {@link ChatTemplate}: {@code prefix + head + response + tail} are the ids of
 * the whole rendering, in order.
 *
 * @param prefix the template's prefix (a BOS, or nothing)
 * @param head the prompt turns and the assistant header; a token that spans the start of the
 *     response is counted here
 * @param response the response's own tokens
 * @param tail what the template writes after the response
 * @param closing how many of the tail's first tokens close the turn: the end-of-turn token ({@code
 *     <|im_end|>}, {@code <|eot_id|>}) for a template that has one, none for the plain rendering
 */
public record RenderedConversation(
    long[] prefix, long[] head, long[] response, long[] tail, int closing) {

  /** Checks that the closing tokens are within the tail. */
  public RenderedConversation {
    if (closing < 0 || closing > tail.length) {
      throw new IllegalArgumentException(
          "closing tokens " + closing + " outside a tail of " + tail.length);
    }
  }
}
