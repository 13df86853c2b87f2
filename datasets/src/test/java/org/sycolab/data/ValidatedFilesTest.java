package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatedFilesTest {

  @TempDir Path dir;

  private final AtomicInteger validations = new AtomicInteger();

  private ValidatedFiles counting(long budgetBytes) {
    return new ValidatedFiles(
        budgetBytes,
        limits -> {
          validations.incrementAndGet();
          return new DatasetValidator(limits);
        });
  }

  @Test
  void aFileReadFiveTimesIsValidatedOnce() throws IOException {
    Path file = writePairs("pairs.jsonl", 3);
    ValidatedFiles memo = counting(1 << 20);
    List<ValidatedFiles.Validated> reads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      reads.add(memo.validate(file, TextLimits.DEFAULT));
    }
    assertThat(validations).hasValue(1);
    assertThat(reads).allSatisfy(read -> assertThat(read).isSameAs(reads.get(0)));
    assertThat(reads.get(0).records()).hasSize(3);
    assertThatThrownBy(() -> reads.get(0).records().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEditedFileIsValidatedAgain() throws IOException {
    Path file = writePairs("pairs.jsonl", 3);
    ValidatedFiles memo = counting(1 << 20);
    memo.validate(file, TextLimits.DEFAULT);

    writePairs("pairs.jsonl", 4);
    assertThat(memo.validate(file, TextLimits.DEFAULT).records()).hasSize(4);
    assertThat(validations).hasValue(2);
  }

  @Test
  void anEditKeepingSizeAndTimeIsSeenByTheContentDigest() throws IOException {
    Path file = writePairs("pairs.jsonl", 2);
    FileTime time = Files.getLastModifiedTime(file);
    ValidatedFiles memo = counting(1 << 20);
    String before = memo.validate(file, TextLimits.DEFAULT).records().get(0).id();

    // Same length, same time: only the content tells the edit apart.
    Files.writeString(file, Files.readString(file).replace("pair-0", "pair-9"));
    Files.setLastModifiedTime(file, time);
    String after = memo.validate(file, TextLimits.DEFAULT).records().get(0).id();

    assertThat(before).isEqualTo("pair-0");
    assertThat(after).isEqualTo("pair-9");
    assertThat(validations).hasValue(2);
  }

  @Test
  void otherLimitsValidateAgain() throws IOException {
    Path file = writePairs("pairs.jsonl", 2);
    ValidatedFiles memo = counting(1 << 20);
    memo.validate(file, TextLimits.DEFAULT);
    memo.validate(file, new TextLimits(5));
    memo.validate(file, new TextLimits(5));
    assertThat(validations).hasValue(3);
  }

  @Test
  void aFileWithProblemsIsValidatedEveryTime() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{not json\n");
    ValidatedFiles memo = counting(1 << 20);
    assertThat(memo.validate(file, TextLimits.DEFAULT).report().clean()).isFalse();
    assertThat(memo.validate(file, TextLimits.DEFAULT).report().clean()).isFalse();
    assertThat(validations).hasValue(2);
  }

  @Test
  void keepsTheLastFewFilesOnly() throws IOException {
    ValidatedFiles memo = counting(1 << 20);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i <= ValidatedFiles.MAX_FILES; i++) {
      files.add(writePairs("pairs-" + i + ".jsonl", 1));
      memo.validate(files.get(i), TextLimits.DEFAULT);
    }
    memo.validate(files.get(ValidatedFiles.MAX_FILES), TextLimits.DEFAULT);
    assertThat(validations).hasValue(ValidatedFiles.MAX_FILES + 1);

    // The first file was forgotten to make room for the last.
    memo.validate(files.get(0), TextLimits.DEFAULT);
    assertThat(validations).hasValue(ValidatedFiles.MAX_FILES + 2);
  }

  @Test
  void filesBeyondTheBudgetAreNotKept() throws IOException {
    Path file = writePairs("pairs.jsonl", 3);
    ValidatedFiles memo = counting(Files.size(file) - 1);
    memo.validate(file, TextLimits.DEFAULT);
    memo.validate(file, TextLimits.DEFAULT);
    assertThat(validations).hasValue(2);
  }

  @Test
  void datasetsReadsTheSameRecordsThroughTheMemo() throws Exception {
    Path file = writePairs("pairs.jsonl", 3);
    List<PreferencePair> first = Datasets.readPairs(file, "--pairs");
    List<PreferencePair> second = Datasets.readPairs(file, "--pairs");
    assertThat(second).isEqualTo(first).hasSize(3);
    assertThat(Datasets.readAll(file)).containsExactlyElementsOf(first);
    assertThatThrownBy(() -> Datasets.readPools(file, TextLimits.DEFAULT))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("expected candidate pools");

    writePairs("pairs.jsonl", 2);
    assertThat(Datasets.readPairs(file, TextLimits.DEFAULT)).hasSize(2);
  }

  private Path writePairs(String name, int count) throws IOException {
    List<PreferencePair> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pairs.add(
          new PreferencePair(
              "pair-" + i,
              List.of(Turn.user("Is 2 + 2 = 5? Question " + i + ".")),
              "No, it is 4.",
              "Yes, it is 5.",
              Label.GROUNDED,
              Map.of()));
    }
    Path file = dir.resolve(name);
    Datasets.writePairs(file, pairs);
    return file;
  }
}
