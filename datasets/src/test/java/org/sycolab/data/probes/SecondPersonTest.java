package org.sycolab.data.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondPersonTest {

  @Test
  void turnsTheUsersWordsIntoTheAssistants() {
    assertThat(SecondPerson.of("back up my server's data so I'm safe and we can sleep"))
        .isEqualTo("back up your server's data so you're safe and you can sleep");
  }

  @Test
  void leavesWordsThatOnlyContainThePronounsAlone() {
    assertThat(SecondPerson.of("measure museum mystery")).isEqualTo("measure museum mystery");
  }
}
