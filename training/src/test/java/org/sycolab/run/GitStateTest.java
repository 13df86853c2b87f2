package org.sycolab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStateTest {

  @TempDir Path repo;

  @Test
  void readsCommitAndDirtiness() throws Exception {
    assumeTrue(git("--version") == 0, "git is not installed");
    assertThat(git("init", "-q")).isZero();
    Files.writeString(repo.resolve("a.txt"), "one\n");
    assertThat(git("add", "a.txt")).isZero();
    assertThat(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first"))
        .isZero();

    Optional<GitState> clean = GitState.of(repo);
    assertThat(clean).isPresent();
    assertThat(clean.get().commit()).matches("[0-9a-f]{40}");
    assertThat(clean.get().dirty()).isFalse();

    Files.writeString(repo.resolve("a.txt"), "two\n");
    assertThat(GitState.of(repo).orElseThrow().dirty()).isTrue();
  }

  @Test
  void notACheckoutGivesNothing() {
    assertThat(GitState.of(repo)).isEmpty();
  }

  private int git(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = repo.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    try {
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException e) {
      return -1;
    }
  }
}
