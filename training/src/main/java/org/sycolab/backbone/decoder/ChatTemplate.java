package org.sycolab.backbone.decoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sycolab.backbone.PairText;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;
import org.sycolab.io.FileDigest;

/**
 * How a conversation is rendered as text for a decoder model, with the response as the final
 * assistant message. sycolab does not run Jinja: it recognises the common shapes of a model's chat
 * template ({@link ChatFormat}) and falls back to plain role-marked lines for any other.
 *
 * <p>The rendering comes in four parts so that truncation can cut the middle two: the {@link
 * #prefix} and {@link #tail} are the same for every pair, the {@link #head} holds the prompt turns
 * and the assistant header, and the {@link #response} the response text.
 */
public final class ChatTemplate {

  /** A template file that, where present, takes the place of {@code chat_template}. */
  static final String JINJA_FILE = "chat_template.jinja";

  private static final Logger LOG = LoggerFactory.getLogger(ChatTemplate.class);
  private static final String IM_START = "<|im_start|>";
  private static final String IM_END = "<|im_end|>";
  private static final String START_HEADER = "<|start_header_id|>";
  private static final String END_HEADER = "<|end_header_id|>";
  private static final String EOT = "<|eot_id|>";
  private static final String LLAMA3_BOS = "<|begin_of_text|>";

  private final ChatFormat format;
  private final String bos;
  private final Optional<String> defaultSystem;

  private ChatTemplate(ChatFormat format, String bos, Optional<String> defaultSystem) {
    this.format = format;
    this.bos = bos;
    this.defaultSystem = defaultSystem;
  }

  /**
   * Lines for a backbone's fingerprint: the SHA-256 of each file a directory's rendering depends on
   * besides {@code tokenizer.json} ({@code tokenizer_config.json}, {@code chat_template.jinja}), or
   * {@code none}.
   */
  public static List<String> fingerprintLines(Path modelDir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String name : List.of(TokenizerConfig.FILE_NAME, JINJA_FILE)) {
      Path file = modelDir.resolve(name);
      lines.add(name + "=" + (Files.isRegularFile(file) ? FileDigest.sha256(file) : "none"));
    }
    return lines;
  }

  /**
   * The template of a model directory: {@code chat_template.jinja} if present, otherwise the {@code
   * chat_template} of {@code tokenizer_config.json}. Logs one warning when there is a template that
   * is not recognised.
   */
  public static ChatTemplate read(Path modelDir) throws IOException {
    Optional<TokenizerConfig> config = TokenizerConfig.read(modelDir);
    String bos = config.flatMap(TokenizerConfig::bosToken).orElse(LLAMA3_BOS);
    Path jinja = modelDir.resolve(JINJA_FILE);
    if (Files.isRegularFile(jinja)) {
      return recognise(Files.readString(jinja), bos, jinja);
    }
    Optional<String> template = config.flatMap(TokenizerConfig::chatTemplate);
    if (template.isEmpty()) {
      return new ChatTemplate(ChatFormat.PLAIN, bos, Optional.empty());
    }
    return recognise(template.get(), bos, config.get().file());
  }

  private static ChatTemplate recognise(String template, String bos, Path source) {
    if (template.contains(IM_START) && template.contains(IM_END)) {
      return new ChatTemplate(ChatFormat.CHATML, bos, chatmlDefaultSystem(template));
    }
    if (template.contains(START_HEADER)
        && template.contains(END_HEADER)
        && template.contains(EOT)) {
      return new ChatTemplate(ChatFormat.LLAMA3, bos, Optional.empty());
    }
    LOG.warn(
        "{}: the chat template is neither ChatML nor Llama 3; sycolab renders the conversation as"
            + " plain role-marked lines instead",
        source);
    return new ChatTemplate(ChatFormat.PLAIN, bos, Optional.empty());
  }

  /** The system message a ChatML template writes when the conversation does not start with one. */
  private static Optional<String> chatmlDefaultSystem(String template) {
    String open = IM_START + "system\n";
    for (String literal : JinjaLiterals.of(template)) {
      int start = literal.indexOf(open);
      int end = start < 0 ? -1 : literal.indexOf(IM_END, start + open.length());
      if (end > start + open.length()) {
        return Optional.of(literal.substring(start + open.length(), end));
      }
    }
    return Optional.empty();
  }

  /** The format recognised. */
  public ChatFormat format() {
    return format;
  }

  /** What comes before the first message: Llama 3's BOS, nothing for the others. */
  public String prefix() {
    return format == ChatFormat.LLAMA3 ? bos : "";
  }

  /**
   * The prompt turns (after a default system message where the template has one) and the header.
   */
  public String head(List<Turn> prompt) {
    StringBuilder text = new StringBuilder();
    switch (format) {
      case CHATML -> {
        boolean startsWithSystem = !prompt.isEmpty() && prompt.get(0).role() == Role.SYSTEM;
        if (!startsWithSystem) {
          defaultSystem.ifPresent(system -> text.append(chatmlMessage("system", system)));
        }
        prompt.forEach(turn -> text.append(chatmlMessage(turn.role().jsonName(), turn.content())));
        text.append(IM_START).append("assistant\n");
      }
      case LLAMA3 -> {
        for (Turn turn : prompt) {
          text.append(llama3Header(turn.role().jsonName()))
              .append(strip(turn.content()))
              .append(EOT);
        }
        text.append(llama3Header("assistant"));
      }
      case PLAIN -> {
        String lines = new PairText(prompt, "").renderedPrompt();
        text.append(lines).append(lines.isEmpty() ? "" : "\n").append("Assistant:");
      }
    }
    return text.toString();
  }

  /**
   * The response as the final assistant message's content: trimmed for Llama 3 (as its template
   * does), after the space that follows {@code Assistant:} for the plain rendering.
   */
  public String response(String response) {
    return switch (format) {
      case CHATML -> response;
      case LLAMA3 -> strip(response);
      case PLAIN -> " " + response;
    };
  }

  /** What the template writes after the final message's content. */
  public String tail() {
    return switch (format) {
      case CHATML -> IM_END + "\n";
      case LLAMA3 -> EOT;
      case PLAIN -> "";
    };
  }

  private static String chatmlMessage(String role, String content) {
    return IM_START + role + "\n" + content + IM_END + "\n";
  }

  private static String llama3Header(String role) {
    return START_HEADER + role + END_HEADER + "\n\n";
  }

  /** Jinja's {@code trim}: Python's {@code str.strip()}, which also strips no-break spaces. */
  private static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
