package org.sycolab.backbone.decoder;

/**
 * The ids a causal language model reads to score one response, and which of them count: the
 * template's prefix, as much of the head as fits (its end: the latest turn and the assistant
 * header), the response's tokens and the tokens that close the turn ({@link
 * RenderedConversation#closing}). The tail after the end-of-turn token is left off: nothing before
 * it depends on it. Every token from {@link #firstCounted} on counts, each predicted from all the
 * ids before it.
 *
 * @param ids the ids to read
 * @param firstCounted the index of the response's first token in {@code ids}
 * @param headTokensCut how many tokens were cut from the start of the head to fit
 */
public record ScoredSequence(long[] ids, int firstCounted, int headTokensCut) {

  /** Checks that at least one token counts and that one token comes before it. */
  public ScoredSequence {
    if (firstCounted < 1 || firstCounted >= ids.length) {
      throw new IllegalArgumentException(
          "the counted tokens must start after the first id and within " + ids.length);
    }
  }

  /** How many tokens count. */
  public int counted() {
    return ids.length - firstCounted;
  }

  /**
   * The sequence of {@code whole} in at most {@code maxLength} ids: the prefix, the response and
   * its closing tokens stay whole, and the head is cut from its start; at least the head's last
   * token stays, which predicts the response's first.
   *
   * @throws ResponseTooLongException when the response and its closing tokens do not fit with the
   *     prefix and one head token
   */
  public static ScoredSequence fit(RenderedConversation whole, int maxLength) {
    long[] prefix = whole.prefix();
    long[] head = whole.head();
    int counted = whole.response().length + whole.closing();
    int needed = prefix.length + 1 + counted;
    if (head.length == 0 && counted > 0) {
      throw new ResponseTooLongException(
          "the conversation renders as no tokens before the response, so nothing predicts the"
              + " response's first token");
    }
    if (counted == 0 || needed > maxLength) {
      throw new ResponseTooLongException(counted, needed, maxLength);
    }
    int keepHead = Math.min(head.length, maxLength - prefix.length - counted);
    long[] ids = new long[prefix.length + keepHead + counted];
    int at = 0;
    System.arraycopy(prefix, 0, ids, at, prefix.length);
    at += prefix.length;
    System.arraycopy(head, head.length - keepHead, ids, at, keepHead);
    at += keepHead;
    System.arraycopy(whole.response(), 0, ids, at, whole.response().length);
    System.arraycopy(whole.tail(), 0, ids, at + whole.response().length, whole.closing());
    return new ScoredSequence(ids, at, head.length - keepHead);
  }
}
