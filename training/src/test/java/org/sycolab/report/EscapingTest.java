package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {

  @Test
  void cellsKeepTextLiteralAndOnOneTableRow() {
    assertThat(MarkdownRenderer.cell("a | b\r\nc *d* <i>&"))
        .isEqualTo("a \\| b<br>c \\*d\\* &lt;i&gt;&amp;");
  }

  @Test
  void paragraphsAndCaptionsStayOnOneLineSoDatasetTextStartsNoBlock() {
    assertThat(MarkdownRenderer.line("pool a\n===\r\n- x\r# h")).isEqualTo("pool a === - x \\# h");
  }

  @Test
  void markdownEscapesStrikethroughAndMathAndBreaksBareAddresses() {
    assertThat(MarkdownRenderer.inline("~~gone~~ costs $5 or $$x$$"))
        .isEqualTo("\\~\\~gone\\~\\~ costs \\$5 or \\$\\$x\\$\\$");
    assertThat(
            MarkdownRenderer.inline("see https://evil.example, HTTP://x.org and www.evil.example"))
        .isEqualTo("see https\\://evil.example, HTTP\\://x.org and www\\.evil.example");
  }

  @Test
  void htmlEscapesMarkupAndQuotes() {
    assertThat(HtmlRenderer.escape("<a href='x'>\"&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
  }
}
