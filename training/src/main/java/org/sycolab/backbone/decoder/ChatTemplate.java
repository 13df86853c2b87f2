package org.sycolab.backbone.decoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sycolab.backbone.FingerprintRecipe;
import org.sycolab.data.PairText;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;

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

  /**
   * The version of sycolab's rendering and tokenising of conversations, which goes into
   * fingerprints: bump on any change that moves token ids.
   */
  public static final String RENDERING_VERSION = "v2";

  /** A template file that, where present, takes the place of {@code chat_template}. */
  static final String JINJA_FILE = "chat_template.jinja";

  private static final Logger LOG = LoggerFactory.getLogger(ChatTemplate.class);
  private static final String IM_START = "<|im_start|>";
  private static final String IM_END = "<|im_end|>";
  private static final String START_HEADER = "<|start_header_id|>";
  private static final String END_HEADER = "<|end_header_id|>";
  private static final String EOT = "<|eot_id|>";
  private static final String LLAMA3_BOS = "<|begin_of_text|>";
  private static final String BOS_VARIABLE = "bos_token";

  private final ChatFormat format;
  private final String prefix;
  private final Optional<String> defaultSystem;
  private final String systemPreamble;

  private ChatTemplate(
      ChatFormat format, String prefix, Optional<String> defaultSystem, String systemPreamble) {
    this.format = format;
    this.prefix = prefix;
    this.defaultSystem = defaultSystem;
    this.systemPreamble = systemPreamble;
  }

  /**
   * Adds to a backbone's fingerprint recipe what a directory's rendering depends on besides {@code
   * tokenizer.json}: the files {@code tokenizer_config.json} and {@code chat_template.jinja} (or
   * their absence) and the {@link #RENDERING_VERSION}. The format recognised follows from these, so
   * it needs no line of its own.
   */
  public static FingerprintRecipe addTo(FingerprintRecipe recipe, Path modelDir)
      throws IOException {
    for (String name : List.of(TokenizerConfig.FILE_NAME, JINJA_FILE)) {
      recipe.file(name, modelDir.resolve(name));
    }
    return recipe.add("chat_rendering", RENDERING_VERSION);
  }

  /**
   * The template of a model directory: {@code chat_template.jinja} if present, otherwise the {@code
   * chat_template} of {@code tokenizer_config.json}. Logs one warning when there is a template that
   * is not recognised.
   */
  public static ChatTemplate read(Path modelDir) throws IOException {
    Optional<TokenizerConfig> config = TokenizerConfig.read(modelDir);
    Optional<String> bos = config.flatMap(TokenizerConfig::bosToken);
    Path jinja = modelDir.resolve(JINJA_FILE);
    if (Files.isRegularFile(jinja)) {
      return recognise(Files.readString(jinja), bos, jinja);
    }
    Optional<String> template = config.flatMap(TokenizerConfig::chatTemplate);
    if (template.isEmpty()) {
      return new ChatTemplate(ChatFormat.PLAIN, "", Optional.empty(), "");
    }
    return recognise(template.get(), bos, config.get().file());
  }

  /**
   * The template's format. Llama 3 templates begin with the BOS (the configured one, else {@code
   * <|begin_of_text|>}); a ChatML template does where it writes {@code bos_token} and one is
   * configured.
   */
  private static ChatTemplate recognise(String template, Optional<String> bos, Path source) {
    List<String> literals = JinjaLiterals.of(template);
    if (template.contains(IM_START) && template.contains(IM_END)) {
      Optional<String> system = chatmlDefaultSystem(literals);
      if (system.isEmpty()) {
        LOG.debug("{}: no default system message found in the ChatML template", source);
      }
      String prefix = template.contains(BOS_VARIABLE) ? bos.orElse("") : "";
      return new ChatTemplate(ChatFormat.CHATML, prefix, system, "");
    }
    if (template.contains(START_HEADER)
        && template.contains(END_HEADER)
        && template.contains(EOT)) {
      String prefix = bos.orElse(LLAMA3_BOS);
      return KnowledgeDatePreamble.of(literals)
          .map(preamble -> new ChatTemplate(ChatFormat.LLAMA31, prefix, Optional.empty(), preamble))
          .orElseGet(() -> new ChatTemplate(ChatFormat.LLAMA3, prefix, Optional.empty(), ""));
    }
    LOG.warn(
        "{}: the chat template is neither ChatML nor Llama 3; sycolab renders the conversation"
            + " as plain role-marked lines instead",
        source);
    return new ChatTemplate(ChatFormat.PLAIN, "", Optional.empty(), "");
  }

  /** The system message a ChatML template writes when the conversation does not start with one. */
  private static Optional<String> chatmlDefaultSystem(List<String> literals) {
    String open = IM_START + "system\n";
    for (String literal : literals) {
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

  /**
   * What comes before the first message: the BOS where the template writes one (Llama 3's always,
   * ChatML's where it uses {@code bos_token}), else nothing; the plain rendering leaves it to the
   * tokenizer's post-processor.
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The prompt turns (after a default system message or block where the template has one) and the
   * header.
   */
  public String head(List<Turn> prompt) {
    StringBuilder text = new StringBuilder();
    boolean startsWithSystem = !prompt.isEmpty() && prompt.get(0).role() == Role.SYSTEM;
    switch (format) {
      case CHATML -> {
        if (!startsWithSystem) {
          defaultSystem.ifPresent(system -> text.append(chatmlMessage("system", system)));
        }
        prompt.forEach(turn -> text.append(chatmlMessage(turn.role().jsonName(), turn.content())));
        text.append(IM_START).append("assistant\n");
      }
      case LLAMA3 -> appendLlama3(text, prompt);
      case LLAMA31 -> {
        text.append(llama3Header("system")).append(systemPreamble);
        if (startsWithSystem) {
          text.append(strip(prompt.get(0).content()));
        }
        text.append(EOT);
        appendLlama3(text, startsWithSystem ? prompt.subList(1, prompt.size()) : prompt);
      }
      case PLAIN -> {
        String lines = new PairText(prompt, "").renderedPrompt();
        text.append(lines).append(lines.isEmpty() ? "" : "\n").append("Assistant:");
      }
    }
    return text.toString();
  }

  /**
   * The response as the final assistant message's content: trimmed for Llama 3 and 3.1 (as their
   * templates do), after the space that follows {@code Assistant:} for the plain rendering.
   */
  public String response(String response) {
    return switch (format) {
      case CHATML -> response;
      case LLAMA3, LLAMA31 -> strip(response);
      case PLAIN -> " " + response;
    };
  }

  /** What the template writes after the final message's content. */
  public String tail() {
    return switch (format) {
      case CHATML -> IM_END + "\n";
      case LLAMA3, LLAMA31 -> EOT;
      case PLAIN -> "";
    };
  }

  /**
   * The token text that closes the final assistant message: {@code <|im_end|>} for ChatML, {@code
   * <|eot_id|>} for Llama 3 and 3.1; empty for the plain rendering, which closes nothing. It is
   * where {@link #tail} begins.
   */
  public String endOfTurn() {
    return switch (format) {
      case CHATML -> IM_END;
      case LLAMA3, LLAMA31 -> EOT;
      case PLAIN -> "";
    };
  }

  private static String chatmlMessage(String role, String content) {
    return IM_START + role + "\n" + content + IM_END + "\n";
  }

  /** Llama 3's messages, each content trimmed, then the assistant header. */
  private static void appendLlama3(StringBuilder text, List<Turn> turns) {
    for (Turn turn : turns) {
      text.append(llama3Header(turn.role().jsonName())).append(strip(turn.content())).append(EOT);
    }
    text.append(llama3Header("assistant"));
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
