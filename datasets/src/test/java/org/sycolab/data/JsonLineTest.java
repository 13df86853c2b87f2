package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLineTest {

  @Test
  void nestingAtTheLimitParses() {
    String deep = "[".repeat(JsonLine.MAX_DEPTH) + "]".repeat(JsonLine.MAX_DEPTH);
    List<String> problems = new ArrayList<>();
    assertThat(
            JsonLine.parse(
                "{\"meta\":" + deep.substring(1, deep.length() - 1) + "}", problems::add))
        .isPresent();
    assertThat(problems).isEmpty();
  }

  @Test
  void nestingBeyondTheLimitIsOneLineWithTheColumn() {
    for (int depth : new int[] {JsonLine.MAX_DEPTH + 1, 1_000, 100_000}) {
      List<String> problems = new ArrayList<>();
      Optional<JsonNode> node =
          JsonLine.parse("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}", problems::add);
      assertThat(node).isEmpty();
      assertThat(problems)
          .containsExactly(
              "expected valid JSON, nesting deeper than 64 levels (column "
                  + (5 + JsonLine.MAX_DEPTH)
                  + ")");
    }
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    String text = "{\"a\":\"" + "[{\\\"".repeat(500) + "\"}";
    List<String> problems = new ArrayList<>();
    assertThat(JsonLine.parse(text, problems::add)).isPresent();
    assertThat(problems).isEmpty();
  }

  @Test
  void malformedJsonIsDescribedWithoutTheParsersClassNames() {
    for (String text :
        List.of(
            "{\"a\":1} {\"b\":2}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":",
            "{\"a\":1" + "0".repeat(2_000) + "}",
            "{\"a\":tru}",
            "{\"a\":[1}",
            "{\"a\":\"\u0001\"}")) {
      List<String> problems = new ArrayList<>();
      assertThat(JsonLine.parse(text, problems::add)).as(text).isEmpty();
      assertThat(problems).as(text).singleElement().asString().startsWith("expected valid JSON, ");
      assertThat(problems.get(0))
          .as(text)
          .doesNotContain(
              "jackson",
              "Jackson",
              "StreamReadConstraints",
              "DeserializationFeature",
              "`",
              "Source");
    }
  }
}
