package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

class DecoderTokenizerTest {

  @TempDir Path dir;

  @Test
  void chatMlSpecialTokensAreSingleIdsAndTheTextIsItsBytes() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.QWEN25_TEMPLATE, null);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      TokenizedInput input =
          tokenizer.tokenize(
              new PairText(List.of(Turn.system("Be brief."), Turn.user("hi")), "yo"));

      assertThat(ChatTemplate.read(dir).format().id()).isEqualTo("chatml");
      assertThat(input.ids())
          .containsExactly(
              ids(
                  TinyTokenizer.IM_START,
                  "system\nBe brief.",
                  TinyTokenizer.IM_END,
                  "\n",
                  TinyTokenizer.IM_START,
                  "user\nhi",
                  TinyTokenizer.IM_END,
                  "\n",
                  TinyTokenizer.IM_START,
                  "assistant\n",
                  "yo",
                  TinyTokenizer.IM_END,
                  "\n"));
      assertThat(input.typeIds()).containsOnly(0L);
    }
  }

  @Test
  void qwensDefaultSystemMessageIsTokenisedWhenThePromptHasNoSystemTurn() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.QWEN25_TEMPLATE, null);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "yo"));

      assertThat(input.ids())
          .startsWith(
              ids(
                  TinyTokenizer.IM_START,
                  "system\n" + TinyTokenizer.QWEN25_DEFAULT_SYSTEM,
                  TinyTokenizer.IM_END));
    }
  }

  @Test
  void llama3WritesItsBosOnceAndNotThePostProcessorsOwn() throws Exception {
    TinyTokenizer.write(dir, true);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.LLAMA3_TEMPLATE, "<|begin_of_text|>");

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user(" hi ")), " ok\n"));

      assertThat(ChatTemplate.read(dir).format().id()).isEqualTo("llama3");
      assertThat(input.ids())
          .containsExactly(
              ids(
                  TinyTokenizer.BEGIN_OF_TEXT,
                  TinyTokenizer.START_HEADER,
                  "user",
                  TinyTokenizer.END_HEADER,
                  "\n\nhi",
                  TinyTokenizer.EOT,
                  TinyTokenizer.START_HEADER,
                  "assistant",
                  TinyTokenizer.END_HEADER,
                  "\n\n",
                  "ok",
                  TinyTokenizer.EOT));
    }
  }

  @Test
  void llama32WritesItsBosAndSystemBlockBeforeThePrompt() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.LLAMA32_TEMPLATE, "<|begin_of_text|>");

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "ok"));

      assertThat(ChatTemplate.read(dir).format().id()).isEqualTo("llama3.1");
      assertThat(input.ids())
          .containsExactly(
              ids(
                  TinyTokenizer.BEGIN_OF_TEXT,
                  TinyTokenizer.START_HEADER,
                  "system",
                  TinyTokenizer.END_HEADER,
                  "\n\n" + TinyTokenizer.LLAMA32_PREAMBLE,
                  TinyTokenizer.EOT,
                  TinyTokenizer.START_HEADER,
                  "user",
                  TinyTokenizer.END_HEADER,
                  "\n\nhi",
                  TinyTokenizer.EOT,
                  TinyTokenizer.START_HEADER,
                  "assistant",
                  TinyTokenizer.END_HEADER,
                  "\n\nok",
                  TinyTokenizer.EOT));
    }
  }

  @Test
  void aChatMlTemplateThatWritesTheBosTokenGetsItsId() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, "{{ bos_token }}" + TinyTokenizer.BARE_CHATML, "<s>");

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      assertThat(tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "yo")).ids())
          .startsWith(ids(TinyTokenizer.BOS, TinyTokenizer.IM_START, "user\nhi"));
    }
  }

  @Test
  void plainRenderingGetsThePostProcessorsBos() throws Exception {
    TinyTokenizer.write(dir, true);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "yo"));

      assertThat(ChatTemplate.read(dir).format().id()).isEqualTo("plain");
      assertThat(input.ids()).containsExactly(ids(TinyTokenizer.BOS, "User: hi\nAssistant: yo"));
    }
  }

  @Test
  void plainRenderingWithoutAPostProcessorIsJustTheText() throws Exception {
    TinyTokenizer.write(dir, false);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "yo"));

      assertThat(input.ids()).containsExactly(ids("User: hi\nAssistant: yo"));
    }
  }

  @Test
  void anUnrecognisedTemplateTokenisesAsPlain() throws Exception {
    TinyTokenizer.write(dir, true);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.TINYLLAMA_TEMPLATE, "<s>");

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512)) {
      assertThat(ChatTemplate.read(dir).format().id()).isEqualTo("plain");
      assertThat(tokenizer.tokenize(new PairText(List.of(), "yo")).ids())
          .containsExactly(ids(TinyTokenizer.BOS, "Assistant: yo"));
    }
  }

  @Test
  void aLongPairKeepsTheTailTheEndOfTheHeadAndTheStartOfTheResponse() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.BARE_CHATML, null);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 40)) {
      TokenizedInput input =
          tokenizer.tokenize(
              new PairText(
                  List.of(Turn.user("A" + "x".repeat(100) + "Z")), "B" + "y".repeat(100) + "Q"));

      // 38 tokens besides the tail: 19 for the head's end, 19 for the response's start.
      assertThat(input.ids())
          .containsExactly(
              ids(
                  "xxxxxZ",
                  TinyTokenizer.IM_END,
                  "\n",
                  TinyTokenizer.IM_START,
                  "assistant\n",
                  "B" + "y".repeat(18),
                  TinyTokenizer.IM_END,
                  "\n"));
    }
  }

  @Test
  void aShortSideLendsItsUnusedBudgetToTheOther() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.BARE_CHATML, null);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 60)) {
      long[] shortHead =
          ids(
              TinyTokenizer.IM_START,
              "user\nhi",
              TinyTokenizer.IM_END,
              "\n",
              TinyTokenizer.IM_START,
              "assistant\n");
      TokenizedInput longResponse =
          tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "y".repeat(100)));
      TokenizedInput longHead =
          tokenizer.tokenize(new PairText(List.of(Turn.user("x".repeat(100))), "yo"));

      assertThat(longResponse.ids())
          .hasSize(60)
          .startsWith(shortHead)
          .endsWith(ids("y".repeat(58 - shortHead.length), TinyTokenizer.IM_END, "\n"));
      assertThat(longHead.ids())
          .hasSize(60)
          .startsWith(ids("x".repeat(43), TinyTokenizer.IM_END))
          .endsWith(ids("yo", TinyTokenizer.IM_END, "\n"));
    }
  }

  @Test
  void truncationKeepsLlama3sBosAndNeverExceedsMaxLength() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.LLAMA3_TEMPLATE, null);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 24)) {
      for (int n = 0; n < 60; n += 7) {
        TokenizedInput input =
            tokenizer.tokenize(new PairText(List.of(Turn.user("x".repeat(n))), "y".repeat(n)));

        assertThat(input.length()).isLessThanOrEqualTo(24);
        assertThat(input.ids()[0]).isEqualTo(TinyTokenizer.BEGIN_OF_TEXT);
        assertThat(input.ids()[input.length() - 1]).isEqualTo(TinyTokenizer.EOT);
      }
    }
  }

  @Test
  void aMaxLengthWithoutRoomForTheTailAndBothSidesIsRefused() throws Exception {
    TinyTokenizer.write(dir, false);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.BARE_CHATML, null);

    assertThatThrownBy(() -> DecoderTokenizer.load(dir, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLength 3")
        .hasMessageContaining("at least 4");
    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 4)) {
      assertThat(tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "yo")).ids())
          .containsExactly(ids("\n", "y", TinyTokenizer.IM_END, "\n"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\nyes", "  yes", " \nyes", "  \nyes", "\n\n", "\nété ✓ 🙂 ok"})
  void aPairTokenisesAsItsWholeRenderedText(String response) throws Exception {
    TinyTokenizer.writeQwen2Style(dir);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.QWEN25_TEMPLATE, null);
    List<Turn> prompt = List.of(Turn.user("naïve 🙂 question"));
    ChatTemplate template = ChatTemplate.read(dir);
    String whole =
        template.prefix() + template.head(prompt) + template.response(response) + template.tail();

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 512);
        HuggingFaceTokenizer reference = referenceTokenizer()) {
      assertThat(tokenizer.tokenize(new PairText(prompt, response)).ids())
          .containsExactly(reference.encode(whole, false, false).getIds());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\nyes", " \nyes", "  \nyes"})
  void theQwen2StyleFixtureTokenisesTheseResponsesDifferentlyInPieces(String response)
      throws Exception {
    TinyTokenizer.writeQwen2Style(dir);
    String head = "<|im_start|>assistant\n";

    try (HuggingFaceTokenizer reference = referenceTokenizer()) {
      long[] whole = reference.encode(head + response, false, false).getIds();
      long[] pieces =
          LongStream.concat(
                  Arrays.stream(reference.encode(head, false, false).getIds()),
                  Arrays.stream(reference.encode(response, false, false).getIds()))
              .toArray();

      assertThat(whole).isNotEqualTo(pieces);
    }
  }

  @Test
  void aTokenAcrossTheHeadResponseBoundaryCountsAsHeadAndTheBoundaryIsInCharacters()
      throws Exception {
    TinyTokenizer.writeQwen2Style(dir);
    TinyTokenizer.writeConfig(dir, TinyTokenizer.BARE_CHATML, null);
    // Emoji take two UTF-16 units and four bytes but are one character to the tokenizer.
    String prompt = "é🙂".repeat(10);
    String response = "\n" + "y🙂".repeat(20);

    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 40)) {
      TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user(prompt)), response));

      // 38 tokens besides the tail: the head's last 19, ending in the merged "\n\n", and the
      // response's first 19, the bytes after that newline.
      long[] head =
          ids(
              TinyTokenizer.IM_START,
              "user\n" + prompt,
              TinyTokenizer.IM_END,
              "\n",
              TinyTokenizer.IM_START,
              "assistant",
              TinyTokenizer.NEWLINE_NEWLINE);
      long[] rest = ids(response.substring(1));
      assertThat(input.ids())
          .containsExactly(
              LongStream.concat(
                      LongStream.concat(
                          Arrays.stream(head, head.length - 19, head.length),
                          Arrays.stream(rest, 0, 19)),
                      LongStream.of(TinyTokenizer.IM_END, '\n'))
                  .toArray());
    }
  }

  @Test
  void aMissingTokenizerJsonIsReportedWithTheFile() {
    assertThatThrownBy(() -> DecoderTokenizer.load(dir, 32))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve("tokenizer.json").toString())
        .hasMessageContaining("missing");
  }

  @Test
  void aMalformedTokenizerConfigIsReportedWithTheFileAndLine() throws Exception {
    TinyTokenizer.write(dir, false);
    Files.writeString(dir.resolve(TokenizerConfig.FILE_NAME), "{\n\n  \"chat_template\": ]\n}");

    assertThatThrownBy(() -> DecoderTokenizer.load(dir, 32))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve(TokenizerConfig.FILE_NAME).toString())
        .hasMessageContaining("line 3");
  }

  private HuggingFaceTokenizer referenceTokenizer() throws Exception {
    return HuggingFaceTokenizer.builder()
        .optTokenizerPath(dir.resolve(ModelDirectory.TOKENIZER))
        .optAddSpecialTokens(false)
        .optTruncation(false)
        .optPadding(false)
        .build();
  }

  /** The expected ids of a sequence of special-token ids ({@code Long}) and texts. */
  private static long[] ids(Object... parts) {
    return Arrays.stream(parts)
        .flatMapToLong(
            part ->
                part instanceof Long id
                    ? LongStream.of(id)
                    : Arrays.stream(TinyTokenizer.bytes((String) part)))
        .toArray();
  }
}
