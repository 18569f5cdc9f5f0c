package dev.loopd.node.js;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * stdout and stderr of a script. stdout is buffered and flushed at the end of every macrotask and
 * before the loop blocks; stderr is written at once, after flushing stdout, so the two keep their
 * relative order as Node's synchronous writes to pipes and files do.
 */
public final class Stdio {
  private final OutputStream out;
  private final OutputStream err;

  public Stdio() {
    this(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
  }

  public Stdio(OutputStream out, OutputStream err) {
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.err = err;
  }

  public void writeOut(String s) {
    write(out, s);
  }

  public void writeErr(String s) {
    flush();
    write(err, s);
    try {
      err.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(OutputStream stream, String s) {
    try {
      // Lone surrogates become U+FFFD, as in Node.
      stream.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // A closed pipe (`loop-node run x.js | head`): drop output like Node's EPIPE on exit.
    }
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      // see write()
    }
  }
}
