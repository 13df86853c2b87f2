package org.sycolab.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a lock file, held while one process works on a run, so that two processes
 * (two resumed finish jobs, two sweeps over one directory, a requeued array task) never write the
 * same files. Released on close, or by the operating system when the process dies.
 */
public final class RunLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code file}, creating it and its directory if needed.
   *
   * @param what names what is locked in the error, e.g. "run runs/demo-1"
   * @throws IOException when another process (or this one) holds it
   */
  public static RunLock acquire(Path file, String what) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new IOException(what + " is already in use in this process (it holds " + file + ")");
    } catch (IOException e) {
      channel.close();
      throw new IOException(
          "cannot lock " + file + " (does this filesystem support locks?): " + e.getMessage(), e);
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          what + " is in use by another process (it holds " + file + "); wait for it to end");
    }
    return new RunLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
