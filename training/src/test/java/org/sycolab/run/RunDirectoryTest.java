package org.sycolab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.io.AtomicFiles;

class RunDirectoryTest {

  private static final Clock NOON =
      Clock.fixed(Instant.parse("2026-11-25T12:00:05Z"), ZoneOffset.UTC);

  @TempDir Path root;

  @Test
  void namesTheRunAfterCommandAndTime() throws IOException {
    RunDirectory run = RunDirectory.create(root.resolve("runs"), "pull", NOON);
    assertThat(run.path()).isEqualTo(root.resolve("runs/pull-20261125-120005"));
    assertThat(run.path()).isDirectory();
  }

  @Test
  void runsStartedInTheSameSecondGetDistinctDirectories() throws IOException {
    Path first = RunDirectory.create(root, "demo", NOON).path();
    Path second = RunDirectory.create(root, "demo", NOON).path();
    Path third = RunDirectory.create(root, "demo", NOON).path();
    assertThat(first.getFileName()).hasToString("demo-20261125-120005");
    assertThat(second.getFileName()).hasToString("demo-20261125-120005-2");
    assertThat(third.getFileName()).hasToString("demo-20261125-120005-3");
  }

  @Test
  void rejectsNamesThatAreNotPlainWords() {
    for (String bad : new String[] {"", "../up", "a/b", "-dash", "sp ace"}) {
      assertThatThrownBy(() -> RunDirectory.create(root, bad, NOON))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("run name");
    }
  }

  @Test
  void outDirectoryIsCreatedOrReusedAndClearedOfCrashLeftovers() throws IOException {
    Path out = root.resolve("my-run");
    RunDirectory.at(out);
    Files.writeString(out.resolve("pairs.jsonl"), "{}\n");
    Path leftover = out.resolve(".pull.csv" + AtomicFiles.TEMP_MARKER + "0123456789abcdef");
    Files.writeString(leftover, "half a ta");
    Path usersNotes = Files.createDirectories(out.resolve(".notes.tmp-2024"));
    Files.writeString(usersNotes.resolve("f"), "x");
    RunDirectory reopened = RunDirectory.at(out);
    assertThat(reopened.path()).isEqualTo(out);
    assertThat(out.resolve("pairs.jsonl")).hasContent("{}");
    assertThat(leftover).doesNotExist();
    assertThat(usersNotes.resolve("f")).hasContent("x");
  }

  @Test
  void outThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(root.resolve("taken"), "x");
    assertThatThrownBy(() -> RunDirectory.at(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void outputsCannotEscapeTheDirectory() throws IOException {
    RunDirectory run = RunDirectory.at(root.resolve("r"));
    assertThat(run.resolve("plots/truth.png")).isEqualTo(root.resolve("r/plots/truth.png"));
    assertThatThrownBy(() -> run.resolve("../elsewhere.csv"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run.resolve(".")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyADirectoryItCreatedHoldingOnlyTheManifestIsRemoved() throws IOException {
    RunDirectory fresh = RunDirectory.at(root.resolve("fresh"));
    Files.writeString(fresh.path().resolve("manifest.json"), "{}");
    assertThat(fresh.removeIfOnlyManifest()).isTrue();
    assertThat(fresh.path()).doesNotExist();

    RunDirectory busy = RunDirectory.at(root.resolve("busy"));
    Files.writeString(busy.path().resolve("manifest.json"), "{}");
    Files.writeString(busy.path().resolve("pull.csv"), "x");
    assertThat(busy.removeIfOnlyManifest()).isFalse();
    assertThat(busy.path().resolve("manifest.json")).exists();

    Files.createDirectories(root.resolve("users"));
    RunDirectory users = RunDirectory.at(root.resolve("users"));
    Files.writeString(users.path().resolve("manifest.json"), "{}");
    assertThat(users.removeIfOnlyManifest()).isFalse();
    assertThat(users.path().resolve("manifest.json")).exists();
  }
}
