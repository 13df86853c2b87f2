package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlLayoutTest {

  private static final String LONG_WORD = "x".repeat(20_000);

  @Test
  void aLongUnbrokenStringMayWrapAnywhereOnThePage() throws IOException {
    String html = render();
    Matcher body = Pattern.compile("(?m)^body\\{[^}]*}").matcher(html);
    assertThat(body.find()).isTrue();
    assertThat(body.group()).contains("overflow-wrap:anywhere");
    assertThat(html).contains("<p>" + LONG_WORD + "</p>");
  }

  @Test
  void everyTableScrollsInsideItsOwnBox() throws IOException {
    String html = render();
    assertThat(html).containsPattern("div\\.table\\{[^}]*overflow-x:auto");
    int tables = html.split("<table>", -1).length - 1;
    int boxed = html.split("<div class=\"table\"><table>", -1).length - 1;
    int closed = html.split("</table></div>", -1).length - 1;
    assertThat(tables).isEqualTo(2);
    assertThat(boxed).isEqualTo(tables);
    assertThat(closed).isEqualTo(tables);
  }

  private static String render() throws IOException {
    Block table =
        new Block.DataTable("domains", List.of("domain", "n"), List.of(List.of(LONG_WORD, "3")));
    return HtmlRenderer.render(
        new Report(
            "run",
            List.of(new Block.Paragraph(LONG_WORD), table),
            List.of(new Section("s", "Section", List.of(table)))));
  }
}
