package org.sycolab.backbone.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

class CrossEncodingTokenizerTest {

  private static final long CLS = 101;
  private static final long SEP = 102;
  private static CrossEncodingTokenizer tokenizer;

  @BeforeAll
  static void load() throws Exception {
    tokenizer = CrossEncodingTokenizer.load(TestModels.minilmDirectory().tokenizer(), 32);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void aShortPairIsClsPromptSepResponseSepWithSegmentTypes() {
    TokenizedInput input =
        tokenizer.tokenize(new PairText(List.of(Turn.user("is it true")), "no it is not"));

    // "user : is it true" and "no it is not" are 5 and 4 word pieces in MiniLM's vocabulary.
    assertThat(input.ids()).hasSize(1 + 5 + 1 + 4 + 1);
    assertThat(input.ids()[0]).isEqualTo(CLS);
    assertThat(input.ids()[6]).isEqualTo(SEP);
    assertThat(input.ids()[11]).isEqualTo(SEP);
    assertThat(input.typeIds()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
  }

  @Test
  void aLongPairKeepsTheEndOfThePromptAndTheStartOfTheResponse() {
    String prompt = "alpha " + "one ".repeat(40) + "omega";
    String response = "first " + "two ".repeat(40) + "last";
    TokenizedInput input = tokenizer.tokenize(new PairText(List.of(Turn.user(prompt)), response));

    assertThat(input.ids()).hasSize(32);
    long[] promptEnd = pieces("omega");
    long[] responseStart = pieces("first");
    int sep = indexOf(input.ids(), SEP);
    assertThat(sep).as("prompt gets half of the 29-token budget").isEqualTo(1 + 14);
    assertThat(input.ids()[sep - 1]).isEqualTo(promptEnd[0]);
    assertThat(input.ids()[sep + 1]).isEqualTo(responseStart[0]);
    assertThat(input.ids()[31]).isEqualTo(SEP);
    assertThat(Arrays.stream(input.ids()).anyMatch(id -> id == pieces("alpha")[0])).isFalse();
    assertThat(Arrays.stream(input.ids()).anyMatch(id -> id == pieces("last")[0])).isFalse();
  }

  @Test
  void aShortSideLendsItsUnusedBudgetToTheOther() {
    TokenizedInput input =
        tokenizer.tokenize(new PairText(List.of(Turn.user("hi")), "word ".repeat(100)));

    assertThat(input.ids()).hasSize(32);
    // "user : hi" is 3 pieces; the response takes the other 26 of the 29.
    assertThat(indexOf(input.ids(), SEP)).isEqualTo(4);
  }

  @Test
  void aTokenizerWithoutAPairTemplateIsRefused(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("tokenizer.json");
    Files.writeString(
        json,
        "{\"version\":\"1.0\",\"model\":{\"type\":\"WordLevel\",\"vocab\":{\"[UNK]\":0,\"a\":1},"
            + "\"unk_token\":\"[UNK]\"},\"pre_tokenizer\":{\"type\":\"Whitespace\"}}");

    assertThatThrownBy(() -> CrossEncodingTokenizer.load(json, 32))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("tokenizer.json")
        .hasMessageContaining("[CLS] A [SEP] B [SEP]");
  }

  private static long[] pieces(String text) {
    TokenizedInput input = tokenizer.tokenize(new PairText(List.of(), text));
    return Arrays.copyOfRange(input.ids(), 2, input.length() - 1);
  }

  private static int indexOf(long[] ids, long id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    return -1;
  }
}
