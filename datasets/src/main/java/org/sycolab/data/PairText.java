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
 * What a backbone embeds: a conversation's prompt turns and one response to it.
 *
 * @param prompt the turns before the response
 * @param response the response being scored
 */
public record PairText(List<Turn> prompt, String response) {

  /** Copies the turns. */
  public PairText {
    prompt = List.copyOf(prompt);
    Objects.requireNonNull(response, "response");
  }

  /**
   * SHA-256 (hex) of the content, independent of any model: each turn's role and content, then the
   * response, each length-prefixed so that no two different texts share a key.
   *
   * @throws IllegalArgumentException when a text holds an unpaired surrogate (validation refuses
   *     such text first)
   */
  public String contentKey() {
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
}
