package org.sycolab.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * prefix: bytes go to a hidden temporary file in the target's directory, are forced to disk, and
 * the temporary file is renamed over the target. A failure (or a crash) before the rename leaves
 * the target untouched; {@link #sweepTemporaries} removes what a crashed writer left behind.
 *
 * <p>Only names this class makes are ever swept: {@code .<target>.sycolab-tmp-<16 hex digits>},
 * which a user's own file does not carry by accident (a user's {@code .notes.tmp-2024} stays). An
 * error while writing names the target, so a full disk says which file it could not write.
 */
public final class AtomicFiles {

  /** Marker in the names of temporary files, {@code .<target>.sycolab-tmp-<16 hex digits>}. */
  public static final String TEMP_MARKER = ".sycolab-tmp-";

  private static final Pattern TEMPORARY_NAME =
      Pattern.compile("\\..+" + Pattern.quote(TEMP_MARKER) + "[0-9a-f]{16}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /** Writes content produced by {@code body}; the target appears only if {@code body} returns. */
  public static void write(Path target, OutputBody body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: its 0600 mode would make every result unreadable to others.
    Path temp = dir.resolve(temporaryName(absolute));
    boolean moved = false;
    try {
      try (FileChannel channel =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        OutputStream named = new NamedOutputStream(out, absolute);
        body.writeTo(named);
        named.flush();
        try {
          channel.force(true);
        } catch (IOException e) {
          throw NamedOutputStream.naming(absolute, e);
        }
      }
      move(temp, absolute);
      moved = true;
      forceDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes {@code bytes} atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes {@code text} as UTF-8 atomically. */
  public static void writeString(Path target, String text) throws IOException {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a directory whose files belong together (a head's weights and its description): {@code
   * body} fills a hidden staging directory beside the target, which is renamed to {@code target}
   * only if {@code body} returns, so readers never see some files without the others. The target
   * must not exist yet.
   */
  public static void writeDirectory(Path target, DirectoryBody body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(absolute.toString(), null, "will not replace it");
    }
    Path staging = parent.resolve(temporaryName(absolute));
    Files.createDirectory(staging);
    boolean moved = false;
    try {
      body.writeInto(staging);
      try {
        // Without REPLACE_EXISTING; an empty directory created meanwhile would still be replaced,
        // as rename(2) does on Linux.
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            "cannot move "
                + absolute
                + " into place atomically on this file system; write to a"
                + " local disk instead",
            e);
      }
      moved = true;
      forceDirectory(parent);
    } finally {
      if (!moved) {
        deleteTree(staging);
      }
    }
  }

  /** Deletes {@code dir} and everything in it; nothing when it is not there. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * Deletes temporary files and staging directories a crashed writer left in {@code dir} (files and
   * directories beside, not inside, are left alone).
   *
   * @return the files removed
   */
  public static List<Path> sweepTemporaries(Path dir) throws IOException {
    return sweepTemporaries(dir, Duration.ZERO);
  }

  /**
   * Like {@link #sweepTemporaries(Path)}, but only what was last modified at least {@code
   * minimumAge} ago: where other live processes may be writing in {@code dir}, an age no write
   * takes tells abandoned temporaries from theirs.
   *
   * @return the files removed
   */
  public static List<Path> sweepTemporaries(Path dir, Duration minimumAge) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    Instant cutoff = Instant.now().minus(minimumAge);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, AtomicFiles::isTemporary)) {
      for (Path entry : entries) {
        if (!minimumAge.isZero()
            && !Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                .toInstant()
                .isBefore(cutoff)) {
          continue;
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(entry);
          removed.add(entry);
        } else if (Files.deleteIfExists(entry)) {
          removed.add(entry);
        }
      }
    }
    return removed;
  }

  /** True for the temporary files and staging directories this class names, and only those. */
  public static boolean isTemporary(Path file) {
    return TEMPORARY_NAME.matcher(file.getFileName().toString()).matches()
        && (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS));
  }

  private static String temporaryName(Path target) {
    return "." + target.getFileName() + TEMP_MARKER + HexFormat.of().toHexDigits(RANDOM.nextLong());
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot replace "
              + target
              + " atomically on this file system; write to a local disk instead",
          e);
    }
  }

  /** Makes the rename durable; a no-op where directories cannot be opened (not Linux). */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Opening a directory is not supported everywhere; the rename itself is still atomic.
    }
  }

  /** Fills a staging directory; may throw, in which case nothing appears. */
  @FunctionalInterface
  public interface DirectoryBody {
    void writeInto(Path staging) throws IOException;
  }

  /** Produces a file's content; may throw, in which case nothing is written. */
  @FunctionalInterface
  public interface OutputBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Keeps a body from closing the stream before the content is forced to disk, and names the target
   * in any error the stream raises (a full disk reports only "No space left on device").
   */
  static final class NamedOutputStream extends FilterOutputStream {
    private final Path target;

    NamedOutputStream(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw naming(target, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw naming(target, e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw naming(target, e);
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    /** {@code e} as a file system error on {@code target}, unless it already names a file. */
    static IOException naming(Path target, IOException e) {
      if (e instanceof FileSystemException named && named.getFile() != null) {
        return e;
      }
      FileSystemException wrapped =
          new FileSystemException(
              target.toString(),
              null,
              "cannot write: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      wrapped.initCause(e);
      return wrapped;
    }
  }
}
