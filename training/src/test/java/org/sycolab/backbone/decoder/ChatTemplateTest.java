package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.FingerprintRecipe;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.data.Turn;

class ChatTemplateTest {

  @TempDir Path dir;

  @Test
  void qwenChatMlInsertsItsDefaultSystemMessageWhenThePromptHasNone() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.QWEN25_TEMPLATE, null);

    assertThat(template.format()).isEqualTo(ChatFormat.CHATML);
    assertThat(template.prefix()).isEmpty();
    assertThat(template.head(List.of(Turn.user("hi"), Turn.assistant("yes?"), Turn.user("go"))))
        .isEqualTo(
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful"
                + " assistant.<|im_end|>\n"
                + "<|im_start|>user\nhi<|im_end|>\n"
                + "<|im_start|>assistant\nyes?<|im_end|>\n"
                + "<|im_start|>user\ngo<|im_end|>\n"
                + "<|im_start|>assistant\n");
    assertThat(template.response(" done ")).isEqualTo(" done ");
    assertThat(template.tail()).isEqualTo("<|im_end|>\n");
  }

  @Test
  void chatMlKeepsThePromptsOwnSystemMessage() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.QWEN25_TEMPLATE, null);

    assertThat(template.head(List.of(Turn.system("Be brief."), Turn.user("hi"))))
        .isEqualTo(
            "<|im_start|>system\nBe brief.<|im_end|>\n"
                + "<|im_start|>user\nhi<|im_end|>\n"
                + "<|im_start|>assistant\n");
  }

  @Test
  void smolLmsDefaultSystemMessageIsReadFromALiteralWithRealNewlines() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.SMOLLM2_TEMPLATE, null);

    assertThat(template.format()).isEqualTo(ChatFormat.CHATML);
    assertThat(template.head(List.of(Turn.user("hi"))))
        .isEqualTo(
            "<|im_start|>system\n"
                + TinyTokenizer.SMOLLM2_DEFAULT_SYSTEM
                + "<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
  }

  @Test
  void aChatMlTemplateWithoutADefaultSystemMessageInsertsNone() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.BARE_CHATML, null);

    assertThat(template.head(List.of(Turn.user("hi"))))
        .isEqualTo("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
  }

  @Test
  void llama3StartsWithTheBosAndTrimsEveryContent() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.LLAMA3_TEMPLATE, "<|begin_of_text|>");

    assertThat(template.format()).isEqualTo(ChatFormat.LLAMA3);
    assertThat(template.prefix()).isEqualTo("<|begin_of_text|>");
    assertThat(template.head(List.of(Turn.system(" Be brief.\n"), Turn.user("\u00a0hi  "))))
        .isEqualTo(
            "<|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    assertThat(template.response("\n  sure thing \t")).isEqualTo("sure thing");
    assertThat(template.tail()).isEqualTo("<|eot_id|>");
  }

  @Test
  void llama32WritesItsSystemBlockWithTheFixedDateWhenThePromptHasNoSystemTurn() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.LLAMA32_TEMPLATE, "<|begin_of_text|>");

    assertThat(template.format()).isEqualTo(ChatFormat.LLAMA31);
    assertThat(template.format().id()).isEqualTo("llama3.1");
    assertThat(template.prefix()).isEqualTo("<|begin_of_text|>");
    assertThat(template.head(List.of(Turn.user(" hi "), Turn.assistant("yes?"), Turn.user("go"))))
        .isEqualTo(
            "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nyes?<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\ngo<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    assertThat(template.response("\n sure \t")).isEqualTo("sure");
    assertThat(template.tail()).isEqualTo("<|eot_id|>");
  }

  @Test
  void llama32PutsTheTrimmedSystemTurnAfterThePreamble() throws Exception {
    ChatTemplate template = withConfig(TinyTokenizer.LLAMA32_TEMPLATE, null);

    assertThat(template.prefix()).isEqualTo("<|begin_of_text|>");
    assertThat(template.head(List.of(Turn.system(" Be brief.\n"), Turn.user("hi"))))
        .isEqualTo(
            "<|start_header_id|>system<|end_header_id|>\n\n"
                + TinyTokenizer.LLAMA32_PREAMBLE
                + "Be brief.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
  }

  @Test
  void theKnowledgeDatePreambleTakesItsTextAndDateFromTheTemplatesLiterals() throws Exception {
    String later =
        TinyTokenizer.LLAMA32_TEMPLATE
            .replace("December 2023", "March 2025")
            .replace("26 Jul 2024", "1 Aug 2025");
    assertThat(withConfig(later, null).head(List.of()))
        .startsWith(
            "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: March 2025\nToday Date: 1 Aug 2025\n\n<|eot_id|>");

    String undated = TinyTokenizer.LLAMA32_TEMPLATE.replace("\"26 Jul 2024\"", "today");
    assertThat(withConfig(undated, null).head(List.of()))
        .contains(TinyTokenizer.LLAMA32_PREAMBLE + "<|eot_id|>");
  }

  @Test
  void aChatMlTemplateThatWritesTheBosTokenStartsWithTheConfiguredBos() throws Exception {
    String template = "{{ bos_token }}" + TinyTokenizer.BARE_CHATML;

    assertThat(withConfig(template, "<s>").prefix()).isEqualTo("<s>");
    assertThat(withConfig(template, null).prefix()).isEmpty();
    assertThat(withConfig(TinyTokenizer.QWEN25_TEMPLATE, "<s>").prefix()).isEmpty();
  }

  @Test
  void theFingerprintFollowsEachTemplateFile() throws Exception {
    String none = ChatTemplate.addTo(new FingerprintRecipe("v"), dir).sha256();
    TinyTokenizer.writeConfig(dir, TinyTokenizer.LLAMA32_TEMPLATE, null);
    String config = ChatTemplate.addTo(new FingerprintRecipe("v"), dir).sha256();
    Files.writeString(dir.resolve(ChatTemplate.JINJA_FILE), TinyTokenizer.QWEN25_TEMPLATE);
    String jinja = ChatTemplate.addTo(new FingerprintRecipe("v"), dir).sha256();
    assertThat(List.of(none, config, jinja)).doesNotHaveDuplicates();
  }

  @Test
  void llama3BosMayBeAnObjectWithContentAndDefaultsWhenAbsent() throws Exception {
    Files.writeString(
        dir.resolve(TokenizerConfig.FILE_NAME),
        "{\"bos_token\": {\"content\": \"<s>\", \"special\": true}, \"chat_template\": "
            + TextNode.valueOf(TinyTokenizer.LLAMA3_TEMPLATE)
            + "}");
    assertThat(ChatTemplate.read(dir).prefix()).isEqualTo("<s>");

    TinyTokenizer.writeConfig(dir, TinyTokenizer.LLAMA3_TEMPLATE, null);
    assertThat(ChatTemplate.read(dir).prefix()).isEqualTo("<|begin_of_text|>");
  }

  @Test
  void withoutATemplateThePromptIsRenderedAsRoleMarkedLines() throws Exception {
    ChatTemplate template = ChatTemplate.read(dir);

    assertThat(template.format()).isEqualTo(ChatFormat.PLAIN);
    assertThat(template.prefix()).isEmpty();
    assertThat(template.head(List.of(Turn.system("Be brief."), Turn.user("hi"))))
        .isEqualTo("System: Be brief.\nUser: hi\nAssistant:");
    assertThat(template.head(List.of())).isEqualTo("Assistant:");
    assertThat(template.response("yes")).isEqualTo(" yes");
    assertThat(template.tail()).isEmpty();
  }

  @Test
  void aConfigWithoutChatTemplateIsPlainWithoutWarning() throws Exception {
    Files.writeString(dir.resolve(TokenizerConfig.FILE_NAME), "{\"bos_token\": \"<s>\"}");

    assertThat(warningsOf(() -> assertFormat(ChatFormat.PLAIN))).isEmpty();
  }

  @Test
  void anUnrecognisedTemplateFallsBackToPlainWithOneWarningNamingTheFile() throws Exception {
    TinyTokenizer.writeConfig(dir, TinyTokenizer.TINYLLAMA_TEMPLATE, "<s>");

    String log = warningsOf(() -> assertFormat(ChatFormat.PLAIN));

    assertThat(log).contains(TokenizerConfig.FILE_NAME).contains("plain");
    assertThat(log.lines().filter(line -> line.contains("WARN"))).hasSize(1);
  }

  @Test
  void aListOfTemplatesUsesTheOneNamedDefault() throws Exception {
    Files.writeString(
        dir.resolve(TokenizerConfig.FILE_NAME),
        "{\"chat_template\": [{\"name\": \"tool_use\", \"template\": \"{{ x }}\"},"
            + " {\"name\": \"default\", \"template\": \"<|im_start|><|im_end|>\"}]}");

    assertFormat(ChatFormat.CHATML);
  }

  @Test
  void aChatTemplateJinjaFileTakesThePlaceOfTheConfigField() throws Exception {
    TinyTokenizer.writeConfig(dir, TinyTokenizer.TINYLLAMA_TEMPLATE, null);
    Files.writeString(dir.resolve(ChatTemplate.JINJA_FILE), TinyTokenizer.LLAMA3_TEMPLATE);

    assertFormat(ChatFormat.LLAMA3);
  }

  @Test
  void malformedJsonIsReportedWithTheFileAndLine() throws Exception {
    Files.writeString(dir.resolve(TokenizerConfig.FILE_NAME), "{\n\"chat_template\": \"x\",\n}");

    assertThatThrownBy(() -> ChatTemplate.read(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(TokenizerConfig.FILE_NAME)
        .hasMessageContaining("line 3");
  }

  @Test
  void aChatTemplateOfTheWrongTypeIsReportedWithTheField() throws Exception {
    Files.writeString(dir.resolve(TokenizerConfig.FILE_NAME), "{\"chat_template\": 42}");

    assertThatThrownBy(() -> ChatTemplate.read(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(TokenizerConfig.FILE_NAME + ": chat_template: ");
  }

  @Test
  void aListOfTemplatesWithoutDefaultIsReportedWithTheField() throws Exception {
    Files.writeString(
        dir.resolve(TokenizerConfig.FILE_NAME),
        "{\"chat_template\": [{\"name\": \"rag\", \"template\": \"x\"}]}");

    assertThatThrownBy(() -> ChatTemplate.read(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("chat_template: has no entry named default");
  }

  @Test
  void aBosTokenOfTheWrongTypeIsReportedWithTheField() throws Exception {
    Files.writeString(dir.resolve(TokenizerConfig.FILE_NAME), "{\"bos_token\": [1]}");

    assertThatThrownBy(() -> ChatTemplate.read(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(TokenizerConfig.FILE_NAME + ": bos_token: ");
  }

  private ChatTemplate withConfig(String chatTemplate, String bos) throws Exception {
    TinyTokenizer.writeConfig(dir, chatTemplate, bos);
    return ChatTemplate.read(dir);
  }

  private void assertFormat(ChatFormat format) {
    try {
      assertThat(ChatTemplate.read(dir).format()).isEqualTo(format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the logger writes to standard error while {@code action} runs. */
  private static String warningsOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
