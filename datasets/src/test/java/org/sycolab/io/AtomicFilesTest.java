package org.sycolab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  private static final String HEX16 = "00ff00ff00ff00ff";

  @TempDir Path dir;

  @Test
  void writesContentAndCreatesParentDirectories() throws IOException {
    Path target = dir.resolve("a/b/out.txt");
    AtomicFiles.writeString(target, "hello\n");
    assertThat(target).hasContent("hello");
    assertThat(listing(target.getParent())).containsExactly("out.txt");
  }

  @Test
  void replacesExistingFile() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFiles.writeString(target, "old");
    AtomicFiles.writeString(target, "new");
    assertThat(target).hasContent("new");
  }

  @Test
  void failingBodyLeavesNoFileAndNoTemporary() {
    Path target = dir.resolve("out.txt");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("partial".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk on fire");
                    }))
        .hasMessage("disk on fire");
    assertThat(target).doesNotExist();
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void failingBodyKeepsThePreviousVersion() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFiles.writeString(target, "complete old version");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(target).hasContent("complete old version");
    assertThat(listing(dir)).containsExactly("out.txt");
  }

  @Test
  void bodyClosingTheStreamStillCommits() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFiles.write(
        target,
        out -> {
          out.write('x');
          out.close();
        });
    assertThat(target).hasContent("x");
  }

  @Test
  void crashMidWriteLeavesNoPartialFile() throws Exception {
    Path fresh = dir.resolve("fresh.jsonl");
    Path existing = dir.resolve("existing.jsonl");
    AtomicFiles.writeString(existing, "old complete content\n");

    assertThat(crashWhileWriting(fresh)).isEqualTo(CrashingWriter.EXIT_STATUS);
    assertThat(crashWhileWriting(existing)).isEqualTo(CrashingWriter.EXIT_STATUS);

    // The halted JVM got half of each file onto disk, but only under a temporary name.
    assertThat(fresh).doesNotExist();
    assertThat(existing).hasContent("old complete content");
    List<Path> leftovers = AtomicFiles.sweepTemporaries(dir);
    assertThat(leftovers).hasSize(2);
    assertThat(leftovers).allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith("."));
    assertThat(listing(dir)).containsExactly("existing.jsonl");
  }

  @Test
  void sweepLeavesFinishedFilesAlone() throws IOException {
    AtomicFiles.writeString(dir.resolve("keep.csv"), "a,b\n");
    Files.writeString(dir.resolve(".hidden-but-mine"), "x");
    Files.writeString(dir.resolve(".keep.csv" + AtomicFiles.TEMP_MARKER + HEX16), "half");
    assertThat(AtomicFiles.sweepTemporaries(dir)).hasSize(1);
    assertThat(listing(dir)).containsExactly(".hidden-but-mine", "keep.csv");
  }

  @Test
  void sweepLeavesAUsersLookalikeNamesAlone() throws IOException {
    Path notes = Files.createDirectories(dir.resolve(".notes.tmp-2024"));
    Files.writeString(notes.resolve("f"), "x");
    Files.writeString(dir.resolve(".draft.tmp-0123456789abcdef"), "mine");
    Files.writeString(dir.resolve(".a" + AtomicFiles.TEMP_MARKER + "12345"), "too short");
    Files.writeString(dir.resolve(".a" + AtomicFiles.TEMP_MARKER + HEX16 + ".bak"), "suffix");
    Files.writeString(dir.resolve(".a" + AtomicFiles.TEMP_MARKER + "0123456789ABCDEF"), "upper");
    Files.writeString(dir.resolve("a" + AtomicFiles.TEMP_MARKER + HEX16), "not hidden");

    assertThat(AtomicFiles.sweepTemporaries(dir)).isEmpty();
    assertThat(notes.resolve("f")).hasContent("x");
    assertThat(listing(dir)).hasSize(6);
  }

  @Test
  void aWriteErrorNamesTheTarget() {
    Path target = dir.resolve("pull.csv");
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    OutputStream named = new AtomicFiles.NamedOutputStream(full, target);
    assertThatThrownBy(() -> named.write(new byte[] {1, 2}, 0, 2))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(target + ": cannot write: No space left on device");
  }

  @Test
  void aDirectoryAppearsWholeOrNotAtAll() throws IOException {
    Path head = dir.resolve("head");
    AtomicFiles.writeDirectory(
        head,
        staging -> {
          Files.writeString(staging.resolve("a"), "1");
          Files.writeString(staging.resolve("b"), "2");
        });
    assertThat(head.resolve("a")).hasContent("1");
    assertThat(head.resolve("b")).hasContent("2");

    assertThatThrownBy(() -> AtomicFiles.writeDirectory(head, staging -> {}))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    Path failed = dir.resolve("failed");
    assertThatThrownBy(
            () ->
                AtomicFiles.writeDirectory(
                    failed,
                    staging -> {
                      Files.writeString(staging.resolve("a"), "half");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(listing(dir)).containsExactly("head");
  }

  @Test
  void sweepRemovesAbandonedStagingDirectories() throws IOException {
    Path staging = dir.resolve(".head" + AtomicFiles.TEMP_MARKER + HEX16);
    Files.createDirectories(staging.resolve("nested"));
    Files.writeString(staging.resolve("nested/weights"), "half");
    Files.createDirectories(dir.resolve("finished"));
    assertThat(AtomicFiles.sweepTemporaries(dir)).containsExactly(staging);
    assertThat(listing(dir)).containsExactly("finished");
  }

  @Test
  void resultIsAsReadableAsAnOrdinaryNewFile() throws IOException {
    Path ordinary = Files.createFile(dir.resolve("ordinary"));
    Path atomic = dir.resolve("atomic");
    AtomicFiles.writeString(atomic, "x");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
    assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(expected);
  }

  private static int crashWhileWriting(Path target) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    return process.exitValue();
  }

  private static List<String> listing(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
