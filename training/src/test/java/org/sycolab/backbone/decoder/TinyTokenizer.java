package org.sycolab.backbone.decoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a small byte-level BPE {@code tokenizer.json} (and {@code tokenizer_config.json}) into a
 * directory: token id {@code b} is byte {@code b}, so the ids of an ASCII text are its character
 * codes, and the chat special tokens have ids from 256 up. The plain flavour ({@link #write}) has
 * no merges; the Qwen2-style one ({@link #writeQwen2Style}) splits as Qwen2 does and merges runs of
 * newlines and spaces, so that where a text is cut before tokenising changes its ids.
 */
public final class TinyTokenizer {

  /** {@code <|im_start|>}. */
  public static final long IM_START = 256;

  /** {@code <|im_end|>}. */
  public static final long IM_END = 257;

  /** {@code <|begin_of_text|>}. */
  public static final long BEGIN_OF_TEXT = 258;

  /** {@code <|start_header_id|>}. */
  public static final long START_HEADER = 259;

  /** {@code <|end_header_id|>}. */
  public static final long END_HEADER = 260;

  /** {@code <|eot_id|>}. */
  public static final long EOT = 261;

  /** {@code <s>}, the BOS of the optional post-processor. */
  public static final long BOS = 262;

  /** {@code \n\n}, the first merge of the Qwen2-style flavour; the others follow it. */
  public static final long NEWLINE_NEWLINE = 264;

  /**
   * Qwen2's pre-tokenizer regex: among others, {@code \s*[\r\n]+} keeps a run of whitespace that
   * ends in newlines together.
   */
  private static final String QWEN2_SPLIT =
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}|"
          + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

  private static final List<String> SPECIAL_TOKENS =
      List.of(
          "<|im_start|>",
          "<|im_end|>",
          "<|begin_of_text|>",
          "<|start_header_id|>",
          "<|end_header_id|>",
          "<|eot_id|>",
          "<s>",
          "</s>");

  /**
   * Qwen2.5-Instruct's ChatML template, with its default system message; inside its Jinja string
   * literals a newline is written as backslash-n.
   */
  public static final String QWEN25_TEMPLATE =
      """
      {%- if tools %}
          {{- '<|im_start|>system\\n' }}
          {%- if messages[0]['role'] == 'system' %}
              {{- messages[0]['content'] }}
          {%- else %}
              {{- 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.' }}
          {%- endif %}
          {{- "\\n\\n# Tools\\n\\nYou may call one or more functions to assist with the user query.\\n\\n\
      You are provided with function signatures within <tools></tools> XML tags:\\n<tools>" }}
          {%- for tool in tools %}
              {{- "\\n" }}
              {{- tool | tojson }}
          {%- endfor %}
          {{- "\\n</tools>\\n\\nFor each function call, return a json object with function name and \
      arguments within <tool_call></tool_call> XML tags:\\n<tool_call>\\n{\\"name\\": \
      <function-name>, \\"arguments\\": <args-json-object>}\\n</tool_call><|im_end|>\\n" }}
      {%- else %}
          {%- if messages[0]['role'] == 'system' %}
              {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}
          {%- else %}
              {{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful \
      assistant.<|im_end|>\\n' }}
          {%- endif %}
      {%- endif %}
      {%- for message in messages %}
          {%- if (message.role == "user") or (message.role == "system" and not loop.first) or \
      (message.role == "assistant" and not message.tool_calls) %}
              {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
          {%- elif message.role == "assistant" %}
              {{- '<|im_start|>' + message.role }}
              {%- if message.content %}
                  {{- '\\n' + message.content }}
              {%- endif %}
              {%- for tool_call in message.tool_calls %}
                  {%- if tool_call.function is defined %}
                      {%- set tool_call = tool_call.function %}
                  {%- endif %}
                  {{- '\\n<tool_call>\\n{"name": "' }}
                  {{- tool_call.name }}
                  {{- '", "arguments": ' }}
                  {{- tool_call.arguments | tojson }}
                  {{- '}\\n</tool_call>' }}
              {%- endfor %}
              {{- '<|im_end|>\\n' }}
          {%- elif message.role == "tool" %}
              {%- if (loop.index0 == 0) or (messages[loop.index0 - 1].role != "tool") %}
                  {{- '<|im_start|>user' }}
              {%- endif %}
              {{- '\\n<tool_response>\\n' }}
              {{- message.content }}
              {{- '\\n</tool_response>' }}
              {%- if loop.last or (messages[loop.index0 + 1].role != "tool") %}
                  {{- '<|im_end|>\\n' }}
              {%- endif %}
          {%- endif %}
      {%- endfor %}
      {%- if add_generation_prompt %}
          {{- '<|im_start|>assistant\\n' }}
      {%- endif %}
      """;

  /** A ChatML template without a default system message. */
  public static final String BARE_CHATML =
      "{% for m in messages %}{{'<|im_start|>' + m['role'] + '\\n' + m['content']"
          + " + '<|im_end|>\\n'}}{% endfor %}";

  /** Qwen2.5's default system message. */
  public static final String QWEN25_DEFAULT_SYSTEM =
      "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

  /** SmolLM2-Instruct's ChatML template; its string literals hold real newlines. */
  public static final String SMOLLM2_TEMPLATE =
      "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
          + "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by"
          + " Hugging Face<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n'"
          + " + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
          + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

  /** SmolLM2's default system message. */
  public static final String SMOLLM2_DEFAULT_SYSTEM =
      "You are a helpful AI assistant named SmolLM, trained by Hugging Face";

  /** Llama-3-Instruct's template. */
  public static final String LLAMA3_TEMPLATE =
      "{% set loop_messages = messages %}{% for message in loop_messages %}"
          + "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'"
          + "+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}"
          + "{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}"
          + "{% if add_generation_prompt %}"
          + "{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}";

  /**
   * Llama-3.2-Instruct's template: a system block with the knowledge-date preamble always comes
   * first, and today's date where {@code strftime_now} is defined; inside its Jinja string literals
   * a newline is written as backslash-n.
   */
  public static final String LLAMA32_TEMPLATE =
      """
      {{- bos_token }}
      {%- if custom_tools is defined %}
          {%- set tools = custom_tools %}
      {%- endif %}
      {%- if not tools_in_user_message is defined %}
          {%- set tools_in_user_message = true %}
      {%- endif %}
      {%- if not date_string is defined %}
          {%- if strftime_now is defined %}
              {%- set date_string = strftime_now("%d %b %Y") %}
          {%- else %}
              {%- set date_string = "26 Jul 2024" %}
          {%- endif %}
      {%- endif %}
      {%- if not tools is defined %}
          {%- set tools = none %}
      {%- endif %}

      {#- This block extracts the system message, so we can slot it into the right place. #}
      {%- if messages[0]['role'] == 'system' %}
          {%- set system_message = messages[0]['content']|trim %}
          {%- set messages = messages[1:] %}
      {%- else %}
          {%- set system_message = "" %}
      {%- endif %}

      {#- System message #}
      {{- "<|start_header_id|>system<|end_header_id|>\\n\\n" }}
      {%- if tools is not none %}
          {{- "Environment: ipython\\n" }}
      {%- endif %}
      {{- "Cutting Knowledge Date: December 2023\\n" }}
      {{- "Today Date: " + date_string + "\\n\\n" }}
      {%- if tools is not none and not tools_in_user_message %}
          {{- "You have access to the following functions. To call a function, please respond with \
      JSON for a function call." }}
          {{- 'Respond in the format {"name": function name, "parameters": dictionary of argument \
      name and its value}.' }}
          {{- "Do not use variables.\\n\\n" }}
          {%- for t in tools %}
              {{- t | tojson(indent=4) }}
              {{- "\\n\\n" }}
          {%- endfor %}
      {%- endif %}
      {{- system_message }}
      {{- "<|eot_id|>" }}

      {#- Custom tools are passed in a user message with some extra guidance #}
      {%- if tools_in_user_message and not tools is none %}
          {#- Extract the first user message so we can plug it in here #}
          {%- if messages | length != 0 %}
              {%- set first_user_message = messages[0]['content']|trim %}
              {%- set messages = messages[1:] %}
          {%- else %}
              {{- raise_exception("Cannot put tools in the first user message when there's no \
      first user message!") }}
          {%- endif %}
          {{- '<|start_header_id|>user<|end_header_id|>\\n\\n' -}}
          {{- "Given the following functions, please respond with a JSON for a function call " }}
          {{- "with its proper arguments that best answers the given prompt.\\n\\n" }}
          {{- 'Respond in the format {"name": function name, "parameters": dictionary of argument \
      name and its value}.' }}
          {{- "Do not use variables.\\n\\n" }}
          {%- for t in tools %}
              {{- t | tojson(indent=4) }}
              {{- "\\n\\n" }}
          {%- endfor %}
          {{- first_user_message + "<|eot_id|>"}}
      {%- endif %}

      {%- for message in messages %}
          {%- if not (message.role == 'ipython' or message.role == 'tool' or 'tool_calls' in \
      message) %}
              {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ \
      message['content'] | trim + '<|eot_id|>' }}
          {%- elif 'tool_calls' in message %}
              {%- if not message.tool_calls|length == 1 %}
                  {{- raise_exception("This model only supports single tool-calls at once!") }}
              {%- endif %}
              {%- set tool_call = message.tool_calls[0].function %}
              {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' -}}
              {{- '{"name": "' + tool_call.name + '", ' }}
              {{- '"parameters": ' }}
              {{- tool_call.arguments | tojson }}
              {{- "}" }}
              {{- "<|eot_id|>" }}
          {%- elif message.role == "tool" or message.role == "ipython" %}
              {{- "<|start_header_id|>ipython<|end_header_id|>\\n\\n" }}
              {%- if message.content is mapping or message.content is iterable %}
                  {{- message.content | tojson }}
              {%- else %}
                  {{- message.content }}
              {%- endif %}
              {{- "<|eot_id|>" }}
          {%- endif %}
      {%- endfor %}
      {%- if add_generation_prompt %}
          {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}
      {%- endif %}
      """;

  /** Llama 3.2's system block preamble, with the template's fixed date. */
  public static final String LLAMA32_PREAMBLE =
      "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n";

  /** TinyLlama-Chat's Zephyr-style template, which sycolab does not recognise. */
  public static final String TINYLLAMA_TEMPLATE =
      "{% for message in messages %}\n{% if message['role'] == 'user' %}\n"
          + "{{ '<|user|>\n' + message['content'] + eos_token }}\n"
          + "{% elif message['role'] == 'system' %}\n"
          + "{{ '<|system|>\n' + message['content'] + eos_token }}\n"
          + "{% elif message['role'] == 'assistant' %}\n"
          + "{{ '<|assistant|>\n'  + message['content'] + eos_token }}\n{% endif %}\n"
          + "{% if loop.last and add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n"
          + "{% endfor %}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyTokenizer() {}

  /**
   * Writes {@code tokenizer.json} into {@code dir}; with {@code addBos} its post-processor puts
   * {@code <s>} before every text, as Llama 2's and Mistral's do. Returns {@code dir}.
   */
  public static Path write(Path dir, boolean addBos) throws IOException {
    return write(dir, addBos, false);
  }

  /**
   * Writes a {@code tokenizer.json} that pre-tokenizes with Qwen2's split regex and has four
   * merges, in this order and with ids from {@link #NEWLINE_NEWLINE} up: {@code \n\n}, two spaces,
   * {@code \n} and a space, {@code \n} and two spaces. {@link #bytes} holds for texts without those
   * runs. Returns {@code dir}.
   */
  public static Path writeQwen2Style(Path dir) throws IOException {
    return write(dir, false, true);
  }

  private static Path write(Path dir, boolean addBos, boolean qwen2Style) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int i = 0; i < SPECIAL_TOKENS.size(); i++) {
      added
          .addObject()
          .put("id", 256 + i)
          .put("content", SPECIAL_TOKENS.get(i))
          .put("single_word", false)
          .put("lstrip", false)
          .put("rstrip", false)
          .put("normalized", false)
          .put("special", true);
    }
    root.putNull("normalizer");
    root.set("pre_tokenizer", qwen2Style ? qwen2PreTokenizer() : byteLevel(true));
    if (addBos) {
      root.set("post_processor", bosTemplate());
    } else {
      root.putNull("post_processor");
    }
    root.set("decoder", byteLevel(true));
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    ObjectNode vocab = model.putObject("vocab");
    List<String> byteTokens = byteTokens();
    for (int b = 0; b < 256; b++) {
      vocab.put(byteTokens.get(b), b);
    }
    // In the model's vocabulary too, so that they keep their ids when merges follow them: an added
    // token missing from it gets the next id after the model's.
    for (int i = 0; i < SPECIAL_TOKENS.size(); i++) {
      vocab.put(SPECIAL_TOKENS.get(i), 256 + i);
    }
    ArrayNode merges = model.putArray("merges");
    if (qwen2Style) {
      String newline = byteTokens.get('\n');
      String space = byteTokens.get(' ');
      List<String[]> pairs =
          List.of(
              new String[] {newline, newline},
              new String[] {space, space},
              new String[] {newline, space},
              new String[] {newline, space + space});
      for (int i = 0; i < pairs.size(); i++) {
        String[] pair = pairs.get(i);
        merges.add(pair[0] + " " + pair[1]);
        vocab.put(pair[0] + pair[1], NEWLINE_NEWLINE + i);
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("tokenizer.json").toFile(), root);
    return dir;
  }

  /** Writes {@code tokenizer_config.json} with a {@code chat_template} and, unless null, a BOS. */
  public static void writeConfig(Path dir, String chatTemplate, String bosToken)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("chat_template", chatTemplate);
    if (bosToken != null) {
      root.put("bos_token", bosToken);
    }
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve(TokenizerConfig.FILE_NAME).toFile(), root);
  }

  /** The ids of a text without special tokens: its UTF-8 bytes. */
  public static long[] bytes(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    long[] ids = new long[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      ids[i] = utf8[i] & 0xff;
    }
    return ids;
  }

  private static ObjectNode byteLevel(boolean useRegex) {
    return JSON.createObjectNode()
        .put("type", "ByteLevel")
        .put("add_prefix_space", false)
        .put("trim_offsets", true)
        .put("use_regex", useRegex);
  }

  /** Qwen2's: an isolating split by {@link #QWEN2_SPLIT}, then bytes to characters. */
  private static ObjectNode qwen2PreTokenizer() {
    ObjectNode sequence = JSON.createObjectNode().put("type", "Sequence");
    ArrayNode steps = sequence.putArray("pretokenizers");
    ObjectNode split = steps.addObject().put("type", "Split");
    split.putObject("pattern").put("Regex", QWEN2_SPLIT);
    split.put("behavior", "Isolated").put("invert", false);
    steps.add(byteLevel(false));
    return sequence;
  }

  private static ObjectNode bosTemplate() {
    ObjectNode processor = JSON.createObjectNode().put("type", "TemplateProcessing");
    ArrayNode single = processor.putArray("single");
    single.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    ArrayNode pair = processor.putArray("pair");
    pair.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 0);
    ObjectNode bos = processor.putObject("special_tokens").putObject("<s>");
    bos.put("id", "<s>");
    bos.putArray("ids").add(BOS);
    bos.putArray("tokens").add("<s>");
    return processor;
  }

  /**
   * GPT-2's byte-to-unicode table: printable bytes stand for themselves, the others for the code
   * points from 256 up in byte order (https://github.com/openai/gpt-2/blob/master/src/encoder.py).
   */
  private static List<String> byteTokens() {
    List<String> tokens = new ArrayList<>();
    int next = 256;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
      tokens.add(Character.toString(printable ? b : next++));
    }
    return tokens;
  }
}
