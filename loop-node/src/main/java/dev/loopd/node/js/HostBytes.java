package dev.loopd.node.js;

import java.nio.ByteBuffer;
import org.graalvm.polyglot.Value;

/**
 * Bytes across the JS boundary without per-byte calls. Java to JS: a heap {@link ByteBuffer}, which
 * JavaScript wraps with {@code new Uint8Array(buffer)} (the context allows buffer access and
 * nothing else of host objects). JS to Java: JavaScript passes an ArrayBuffer, offset and length,
 * read here in one bulk copy.
 */
public final class HostBytes {
  private HostBytes() {}

  public static ByteBuffer toJs(byte[] bytes) {
    return ByteBuffer.wrap(bytes);
  }

  /** Reads {@code (arrayBuffer, offset, length)} from three consecutive arguments. */
  public static byte[] fromJs(Value[] args, int first) {
    Value buffer = args[first];
    long offset = args[first + 1].asLong();
    int length = args[first + 2].asInt();
    byte[] out = new byte[length];
    if (length > 0) buffer.readBuffer(offset, out, 0, length);
    return out;
  }
}
