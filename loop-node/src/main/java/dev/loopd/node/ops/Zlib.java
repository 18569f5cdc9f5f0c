package dev.loopd.node.ops;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib's formats over the JDK's Deflater and Inflater: raw deflate, zlib (RFC 1950) and gzip (RFC
 * 1952, with the header Node writes: no name, mtime 0, OS = Unix). Errors carry zlib's codes and
 * messages so the JS side can raise Node's errors.
 */
public final class Zlib {
  /** A zlib failure with Node's code and errno. */
  public static final class ZlibException extends Exception {
    public final String code;
    public final int errno;

    ZlibException(String message, String code, int errno) {
      super(message);
      this.code = code;
      this.errno = errno;
    }
  }

  public enum Mode {
    DEFLATE,
    INFLATE,
    GZIP,
    GUNZIP,
    DEFLATE_RAW,
    INFLATE_RAW,
    UNZIP;

    public static Mode parse(String s) {
      return switch (s) {
        case "deflate" -> DEFLATE;
        case "inflate" -> INFLATE;
        case "gzip" -> GZIP;
        case "gunzip" -> GUNZIP;
        case "deflateRaw" -> DEFLATE_RAW;
        case "inflateRaw" -> INFLATE_RAW;
        case "unzip" -> UNZIP;
        default -> throw new IllegalArgumentException("unknown zlib mode " + s);
      };
    }
  }

  private Zlib() {}

  public static byte[] process(Mode mode, byte[] input, int level) throws ZlibException {
    return switch (mode) {
      case DEFLATE -> deflate(input, level, false);
      case DEFLATE_RAW -> deflate(input, level, true);
      case GZIP -> gzip(input, level);
      case INFLATE -> inflate(input, 0, input.length, false).output;
      case INFLATE_RAW -> inflate(input, 0, input.length, true).output;
      case GUNZIP -> gunzip(input);
      case UNZIP ->
          input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b
              ? gunzip(input)
              : inflate(input, 0, input.length, false).output;
    };
  }

  private static byte[] deflate(byte[] input, int level, boolean raw) {
    Deflater d = new Deflater(level, raw);
    try {
      d.setInput(input);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 2));
      byte[] chunk = new byte[16 * 1024];
      while (!d.finished()) {
        int n = d.deflate(chunk);
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  private static byte[] gzip(byte[] input, int level) {
    byte[] body = deflate(input, level, true);
    CRC32 crc = new CRC32();
    crc.update(input);
    int xfl = level == 9 ? 2 : (level >= 0 && level < 2) ? 4 : 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 18);
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, 3});
    out.writeBytes(body);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, input.length);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  private record Inflated(byte[] output, int consumed) {}

  private static Inflated inflate(byte[] input, int offset, int length, boolean raw)
      throws ZlibException {
    Inflater inf = new Inflater(raw);
    try {
      inf.setInput(input, offset, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length * 3));
      byte[] chunk = new byte[16 * 1024];
      while (!inf.finished()) {
        int n;
        try {
          n = inf.inflate(chunk);
        } catch (DataFormatException e) {
          throw new ZlibException(
              e.getMessage() == null ? "invalid data" : e.getMessage(), "Z_DATA_ERROR", -3);
        }
        if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
          if (inf.needsDictionary())
            throw new ZlibException("Missing dictionary", "Z_NEED_DICT", 2);
          throw new ZlibException("unexpected end of file", "Z_BUF_ERROR", -5);
        }
        out.write(chunk, 0, n);
      }
      return new Inflated(out.toByteArray(), length - inf.getRemaining());
    } finally {
      inf.end();
    }
  }

  private static byte[] gunzip(byte[] input) throws ZlibException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 3);
    int pos = 0;
    while (true) {
      int bodyStart = gzipHeaderLength(input, pos);
      Inflated body = inflate(input, bodyStart, input.length - bodyStart, true);
      int trailer = bodyStart + body.consumed();
      if (trailer + 8 > input.length) {
        throw new ZlibException("unexpected end of file", "Z_BUF_ERROR", -5);
      }
      CRC32 crc = new CRC32();
      crc.update(body.output());
      if ((int) crc.getValue() != readIntLe(input, trailer)) {
        throw new ZlibException("incorrect data check", "Z_DATA_ERROR", -3);
      }
      if (body.output().length != readIntLe(input, trailer + 4)) {
        throw new ZlibException("incorrect length check", "Z_DATA_ERROR", -3);
      }
      out.writeBytes(body.output());
      pos = trailer + 8;
      // As Node: another member follows unless the input ends or continues with a zero byte.
      if (pos >= input.length || input[pos] == 0) break;
    }
    return out.toByteArray();
  }

  private static int gzipHeaderLength(byte[] in, int p) throws ZlibException {
    if (p >= in.length) throw new ZlibException("unexpected end of file", "Z_BUF_ERROR", -5);
    // The magic bytes are checked as far as the input goes before its length, as zlib does.
    if ((in[p] & 0xff) != 0x1f || (p + 1 < in.length && (in[p + 1] & 0xff) != 0x8b)) {
      throw new ZlibException("incorrect header check", "Z_DATA_ERROR", -3);
    }
    if (in.length - p < 10) throw new ZlibException("unexpected end of file", "Z_BUF_ERROR", -5);
    if (in[p + 2] != 8) throw new ZlibException("unknown compression method", "Z_DATA_ERROR", -3);
    int flags = in[p + 3] & 0xff;
    int q = p + 10;
    if ((flags & 4) != 0) q += 2 + ((in[q] & 0xff) | (in[q + 1] & 0xff) << 8);
    if ((flags & 8) != 0) while (q < in.length && in[q++] != 0) {}
    if ((flags & 16) != 0) while (q < in.length && in[q++] != 0) {}
    if ((flags & 2) != 0) q += 2;
    if (q > in.length) throw new ZlibException("unexpected end of file", "Z_BUF_ERROR", -5);
    return q;
  }

  private static int readIntLe(byte[] b, int p) {
    return (b[p] & 0xff)
        | (b[p + 1] & 0xff) << 8
        | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
  }
}
