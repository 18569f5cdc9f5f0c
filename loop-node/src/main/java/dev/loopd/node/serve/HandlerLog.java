package dev.loopd.node.serve;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's log of what handlers write (console.*, ctx.log) and of what happens to them, one JSON
 * object per line, each naming tenant, handler, version and invocation, as log collectors of
 * Kubernetes expect.
 *
 * <p>Lines are formatted on the caller's thread (the loop) and written by a thread of their own, so
 * a slow stdout never blocks the loop. The queue is bounded: when handlers log faster than stdout
 * drains, lines are dropped and the next line written says how many.
 */
public final class HandlerLog implements AutoCloseable {
  private static final String END = "";

  private final PrintStream out;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(16_384);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  public HandlerLog(OutputStream out) {
    this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
    this.writer = new Thread(this::drain, "loopd-log");
    writer.setDaemon(true);
    writer.start();
  }

  void write(HandlerVersion version, String level, String text, String invocationId) {
    write(level, version.tenant(), version.name(), version.version(), invocationId, text);
  }

  /** A line about the node itself (no handler). */
  public void node(String level, String text) {
    write(level, "", "", "", "", text);
  }

  private void write(
      String level,
      String tenant,
      String handler,
      String version,
      String invocationId,
      String text) {
    if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
    StringBuilder b = new StringBuilder(96 + text.length());
    b.append("{\"time\":\"").append(Instant.now()).append("\",\"level\":\"").append(level);
    b.append('"');
    if (!tenant.isEmpty()) b.append(",\"tenant\":").append(Invocation.jsonString(tenant));
    if (!handler.isEmpty()) b.append(",\"handler\":").append(Invocation.jsonString(handler));
    if (!version.isEmpty()) b.append(",\"version\":").append(Invocation.jsonString(version));
    if (!invocationId.isEmpty()) {
      b.append(",\"invocation\":").append(Invocation.jsonString(invocationId));
    }
    b.append(",\"message\":").append(Invocation.jsonString(text)).append('}');
    if (!lines.offer(b.toString())) dropped.incrementAndGet();
  }

  private void drain() {
    try {
      while (true) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line == null) {
          out.flush();
          if (closed) return;
          continue;
        }
        if (line == END) {
          out.flush();
          return;
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          out.println(
              "{\"time\":\""
                  + Instant.now()
                  + "\",\"level\":\"warn\",\"message\":\"dropped "
                  + lost
                  + " log lines: handlers logged faster than stdout took them\"}");
        }
        out.println(line);
        if (lines.isEmpty()) out.flush();
      }
    } catch (InterruptedException e) {
      out.flush();
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      lines.put(END);
      writer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
