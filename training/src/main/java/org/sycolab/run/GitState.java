package org.sycolab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The commit of the source checkout a run came from, and whether it had uncommitted changes.
 *
 * @param commit full commit hash
 * @param dirty true when tracked files differ from the commit
 */
public record GitState(String commit, boolean dirty) {

  private static final long TIMEOUT_SECONDS = 5;

  /** Asks {@code git} about {@code dir}; empty when it is not a checkout or git is missing. */
  public static Optional<GitState> of(Path dir) {
    try {
      Optional<String> head = git(dir, "rev-parse", "--verify", "HEAD");
      if (head.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> changes = git(dir, "status", "--porcelain", "--untracked-files=no");
      return Optional.of(new GitState(head.get(), changes.map(s -> !s.isEmpty()).orElse(false)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<String> git(Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return Optional.empty();
    }
    if (process.exitValue() != 0) {
      return Optional.empty();
    }
    return Optional.of(new String(out, StandardCharsets.UTF_8).trim());
  }
}
