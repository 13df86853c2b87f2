package org.sycolab.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardTest {

  @Test
  void parsesIndexOverCount() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse(" 0 / 1 ")).isEqualTo(Shard.ALL);
  }

  @Test
  void refusesOutOfRangeAndMalformedShards() {
    assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("0 <= i < n");
    assertThatThrownBy(() -> Shard.parse("-1/4")).hasMessageContaining("0 <= i < n");
    assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("0 <= i < n");
    assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("i/n");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("i/n");
  }

  @Test
  void everyKeyBelongsToExactlyOneShard() {
    String[] keys = {
      "0".repeat(64), "f".repeat(64), "123456789abcdef0".repeat(4), "fedcba9876543210".repeat(4)
    };
    for (String key : keys) {
      int owners = 0;
      for (int i = 0; i < 5; i++) {
        owners += new Shard(i, 5).contains(key) ? 1 : 0;
      }
      assertThat(owners).as(key).isEqualTo(1);
    }
  }
}
