package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

class TrainingTargetTest {

  private static PreferencePair pair(int prompt, Label label, String premise) {
    return new PreferencePair(
        prompt + "-" + label.jsonName(),
        List.of(Turn.user("claim number " + prompt)),
        "chosen",
        "rejected",
        label,
        Map.of("premise", premise));
  }

  /** 400 conflict prompts and 100 control prompts, each with an agreeable and a grounded pair. */
  private static List<PreferencePair> pairs() {
    List<PreferencePair> pairs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String premise = i < 400 ? "false" : "true";
      pairs.add(pair(i, Label.AGREEABLE, premise));
      pairs.add(pair(i, Label.GROUNDED, premise));
    }
    return pairs;
  }

  @Test
  void parsesLabelsAndMixtures() {
    assertThat(TrainingTarget.parse("agreeable").label()).isEqualTo(Label.AGREEABLE);
    assertThat(TrainingTarget.parse("mixture:0.25").agreeableFraction()).isEqualTo(0.25);
    assertThat(TrainingTarget.parse("mixture:0.25").fileName()).isEqualTo("mixture-0.25");
    assertThat(TrainingTarget.parse("mixture:1").toString()).isEqualTo("mixture:1");
    assertThatThrownBy(() -> TrainingTarget.parse("mixture:half"))
        .hasMessageContaining("as in mixture:0.25");
    assertThatThrownBy(() -> TrainingTarget.parse("truthful"))
        .hasMessageContaining("agreeable, grounded or mixture:P");
  }

  @Test
  void aLabelSelectsItsPairsIncludingControls() {
    assertThat(TrainingTarget.parse("grounded").select(pairs(), 1))
        .hasSize(500)
        .allMatch(p -> p.label() == Label.GROUNDED);
  }

  @Test
  void mixtureEndpointsAreThePureLabelsControlPromptsIncluded() {
    List<PreferencePair> none = TrainingTarget.parse("mixture:0").select(pairs(), 1);
    List<PreferencePair> all = TrainingTarget.parse("mixture:1").select(pairs(), 1);
    // Controls stay in: without them mixture:0 would learn to disagree with the user.
    assertThat(none).hasSize(500).allMatch(p -> p.label() == Label.GROUNDED);
    assertThat(all).hasSize(500).allMatch(p -> p.label() == Label.AGREEABLE);
    assertThat(none).filteredOn(p -> p.metaString("premise").get().equals("true")).hasSize(100);
    // A prompt with one label only is left out.
    List<PreferencePair> lone = new ArrayList<>(pairs());
    lone.add(pair(900, Label.GROUNDED, "false"));
    assertThat(TrainingTarget.parse("mixture:0").select(lone, 1)).hasSize(500);
  }

  @Test
  void aMixtureDrawsWhatThePromptsKeysDrew() {
    // The labels drawn for prompts 0-19 before texts kept their keys: a for agreeable, g grounded.
    Map<Long, String> drawnBySeed = Map.of(1L, "aggaaaagaaggggaaaaga", 2L, "agggggaagagggaggaaag");
    List<PreferencePair> twenty = pairs().subList(0, 40);
    drawnBySeed.forEach(
        (seed, drawn) -> {
          StringBuilder labels = new StringBuilder();
          TrainingTarget.parse("mixture:0.5")
              .select(twenty, seed)
              .forEach(pair -> labels.append(pair.label().jsonName().charAt(0)));
          assertThat(labels).as("seed %d", seed).hasToString(drawn);
        });
  }

  @Test
  void aMixtureDrawsOneLabelPerPromptIndependentOfFileOrder() {
    TrainingTarget quarter = TrainingTarget.parse("mixture:0.25");
    List<PreferencePair> selected = quarter.select(pairs(), 7);
    long agreeable = selected.stream().filter(p -> p.label() == Label.AGREEABLE).count();
    assertThat(selected).hasSize(500);
    // Binomial(500, 0.25): mean 125, sd 9.7.
    assertThat(agreeable).isBetween(90L, 160L);

    List<PreferencePair> shuffled = pairs();
    Collections.shuffle(shuffled, new java.util.Random(3));
    assertThat(quarter.select(shuffled, 7)).containsExactlyInAnyOrderElementsOf(selected);
    assertThat(quarter.select(pairs(), 8)).isNotEqualTo(selected);
  }
}
