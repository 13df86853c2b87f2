package org.sycolab.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.sycolab.io.FileDigest;

/**
 * What a backbone embeds: a conversation's prompt turns and one response to it. Two texts are equal
 * when their prompts and responses are. A text hashes its {@link #contentKey} on first use and
 * keeps it, so the stages that embed, look up and tabulate the text share the one hash.
 */
public final class PairText {

  private final List<Turn> prompt;
  private final String response;

  /**
   * Null until {@link #contentKey} first succeeds. Not volatile: a String is immutable, so a thread
   * sees either null (and computes the same key again) or the whole key.
   */
  private String contentKey;

  /**
   * A text; copies the turns.
   *
   * @param prompt the turns before the response
   * @param response the response being scored
   */
  public PairText(List<Turn> prompt, String response) {
    this.prompt = List.copyOf(prompt);
    this.response = Objects.requireNonNull(response, "response");
  }

  /** The turns before the response. */
  public List<Turn> prompt() {
    return prompt;
  }

  /** The response being scored. */
  public String response() {
    return response;
  }

  /**
   * SHA-256 (hex) of the content, independent of any model: each turn's role and content, then the
   * response, each length-prefixed so that no two different texts share a key. Computed on the
   * first call, then kept.
   *
   * @throws IllegalArgumentException when a text holds an unpaired surrogate (validation refuses
   *     such text first), on every call
   */
  public String contentKey() {
    String key = contentKey;
    if (key == null) {
      key = computeKey();
      contentKey = key;
    }
    return key;
  }

  /**
   * The content key of {@code prompt} alone, that of the text with an empty response: splits by
   * prompt and mixture draws go by it.
   */
  public static String promptKey(List<Turn> prompt) {
    return new PairText(prompt, "").contentKey();
  }

  private String computeKey() {
    MessageDigest digest = FileDigest.newSha256();
    for (Turn turn : prompt) {
      update(digest, turn.role().jsonName());
      update(digest, turn.content());
    }
    update(digest, "response");
    update(digest, response);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    ByteBuffer bytes = utf8(text);
    digest.update(Integer.toString(bytes.remaining()).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  /**
   * Encodes strictly: a lone surrogate would become {@code ?} in {@code getBytes}, and two
   * different texts would share a key, so it is refused instead.
   */
  private static ByteBuffer utf8(String text) {
    try {
      return StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "text holds an unpaired UTF-16 surrogate, which has no UTF-8 form: " + abbreviate(text));
    }
  }

  private static String abbreviate(String text) {
    String start = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "'" + start.replaceAll("\\p{Cs}", "?") + "'";
  }

  /** The prompt as plain text with a role marker on each turn ({@code User: …}), one per line. */
  public String renderedPrompt() {
    StringBuilder text = new StringBuilder();
    for (Turn turn : prompt) {
      if (text.length() > 0) {
        text.append('\n');
      }
      String role = turn.role().jsonName();
      text.append(Character.toUpperCase(role.charAt(0))).append(role.substring(1)).append(": ");
      text.append(turn.content());
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PairText text
        && prompt.equals(text.prompt)
        && response.equals(text.response);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prompt, response);
  }

  @Override
  public String toString() {
    return "PairText[prompt=" + prompt + ", response=" + response + "]";
  }
}
