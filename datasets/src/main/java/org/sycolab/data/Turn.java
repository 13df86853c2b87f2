package org.sycolab.data;

import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param role who speaks
 * @param content what is said, never empty
 */
public record Turn(Role role, String content) {

  /** Checks both fields are present. */
  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** A user turn. */
  public static Turn user(String content) {
    return new Turn(Role.USER, content);
  }

  /** An assistant turn. */
  public static Turn assistant(String content) {
    return new Turn(Role.ASSISTANT, content);
  }

  /** A system turn. */
  public static Turn system(String content) {
    return new Turn(Role.SYSTEM, content);
  }
}
