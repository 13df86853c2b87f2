package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JinjaLiteralsTest {

  @Test
  void literalsOfTagsAreCollectedWithTheirEscapesResolved() {
    String template = "{{ 'a\\nb' + \"it's \\\"so\\\"\" }}{% if x == 'c\\\\d' %}{% endif %}";

    assertThat(JinjaLiterals.of(template)).containsExactly("a\nb", "it's \"so\"", "c\\d");
  }

  @Test
  void quotesOutsideTagsAndInCommentsOpenNoLiteral() {
    String template = "don't {# it's #}{{ 'x' }} won't";

    assertThat(JinjaLiterals.of(template)).containsExactly("x");
  }

  @Test
  void aClosingBraceInsideALiteralDoesNotEndTheTag() {
    String template = "{{ '}}' + 'y' }}'z'";

    assertThat(JinjaLiterals.of(template)).containsExactly("}}", "y");
  }

  @Test
  void anUnknownEscapeKeepsItsBackslash() {
    assertThat(JinjaLiterals.of("{{ 'a\\qb' }}")).containsExactly("a\\qb");
  }
}
