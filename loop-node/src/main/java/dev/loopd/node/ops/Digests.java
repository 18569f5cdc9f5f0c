package dev.loopd.node.ops;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Node's digest names mapped to the JDK's, and the hashing primitives built on them. */
public final class Digests {
  private static final Map<String, String> JDK_NAMES =
      Map.ofEntries(
          Map.entry("md5", "MD5"),
          Map.entry("sha1", "SHA-1"),
          Map.entry("sha224", "SHA-224"),
          Map.entry("sha256", "SHA-256"),
          Map.entry("sha384", "SHA-384"),
          Map.entry("sha512", "SHA-512"),
          Map.entry("sha512-224", "SHA-512/224"),
          Map.entry("sha512-256", "SHA-512/256"),
          Map.entry("sha3-224", "SHA3-224"),
          Map.entry("sha3-256", "SHA3-256"),
          Map.entry("sha3-384", "SHA3-384"),
          Map.entry("sha3-512", "SHA3-512"));

  private Digests() {}

  /** The names {@code crypto.getHashes()} lists. */
  public static List<String> names() {
    return JDK_NAMES.keySet().stream().sorted().toList();
  }

  /** The JDK algorithm for a Node digest name ("sha256", "SHA-256", "RSA-SHA256"), or null. */
  public static String jdkName(String nodeName) {
    String n = nodeName.toLowerCase(Locale.ROOT);
    if (n.startsWith("rsa-")) n = n.substring(4);
    String direct = JDK_NAMES.get(n);
    if (direct != null) return direct;
    return JDK_NAMES.get(n.replaceFirst("^sha-", "sha"));
  }

  public static byte[] digest(String nodeName, byte[] data) throws GeneralSecurityException {
    return MessageDigest.getInstance(require(nodeName)).digest(data);
  }

  public static Mac hmac(String nodeName, byte[] key) throws GeneralSecurityException {
    // The JDK's names: HmacSHA256, HmacSHA512/256, HmacSHA3-256.
    String mac = "Hmac" + require(nodeName).replace("SHA-", "SHA");
    Mac m = Mac.getInstance(mac);
    // An empty HMAC key is legal in Node; SecretKeySpec refuses it, so use the equivalent block
    // of zeros (HMAC pads short keys with zeros).
    m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac));
    return m;
  }

  public static byte[] hmac(String nodeName, byte[] key, byte[] data)
      throws GeneralSecurityException {
    return hmac(nodeName, key).doFinal(data);
  }

  static String require(String nodeName) throws GeneralSecurityException {
    String jdk = jdkName(nodeName);
    if (jdk == null) throw new GeneralSecurityException("Invalid digest: " + nodeName);
    return jdk;
  }

  /**
   * PBKDF2 (RFC 8018) with HMAC (RFC 2104) built here rather than through {@link Mac}: the key's
   * inner and outer pad blocks are hashed once, and each iteration clones those two states and
   * hashes only its own data, as OpenSSL does. The JDK's Mac rehashes both pad blocks on every
   * call, twice the compression work per iteration (4 blocks instead of 2 for SHA-512). Works on
   * raw bytes, as Node's does.
   */
  public static byte[] pbkdf2(
      byte[] password, byte[] salt, int iterations, int keyLength, String digest)
      throws GeneralSecurityException {
    PadStates hmac = PadStates.of(require(digest), password);
    int hLen = hmac.length;
    byte[] out = new byte[keyLength];
    byte[] u = new byte[hLen];
    byte[] t = new byte[hLen];
    byte[] counter = new byte[4];
    for (int block = 1, offset = 0; offset < keyLength; block++, offset += hLen) {
      counter[0] = (byte) (block >>> 24);
      counter[1] = (byte) (block >>> 16);
      counter[2] = (byte) (block >>> 8);
      counter[3] = (byte) block;
      hmac.mac(u, salt, counter);
      System.arraycopy(u, 0, t, 0, hLen);
      for (int i = 1; i < iterations; i++) {
        hmac.mac(u, u, null);
        for (int j = 0; j < hLen; j++) t[j] ^= u[j];
      }
      System.arraycopy(t, 0, out, offset, Math.min(hLen, keyLength - offset));
    }
    return out;
  }

  /** An HMAC key as the two digest states after its inner and outer pad blocks. */
  private static final class PadStates {
    private final MessageDigest inner;
    private final MessageDigest outer;
    final int length;

    private PadStates(MessageDigest inner, MessageDigest outer) {
      this.inner = inner;
      this.outer = outer;
      this.length = inner.getDigestLength();
    }

    static PadStates of(String jdkName, byte[] key) throws GeneralSecurityException {
      MessageDigest inner = MessageDigest.getInstance(jdkName);
      MessageDigest outer = MessageDigest.getInstance(jdkName);
      int blockSize = blockSize(jdkName);
      if (key.length > blockSize) key = inner.digest(key);
      byte[] ipad = new byte[blockSize];
      byte[] opad = new byte[blockSize];
      for (int i = 0; i < blockSize; i++) {
        byte k = i < key.length ? key[i] : 0;
        ipad[i] = (byte) (k ^ 0x36);
        opad[i] = (byte) (k ^ 0x5c);
      }
      // Each pad goes in as two half blocks, not one whole block: a whole block takes
      // DigestBase's multi-block path, and once that path is hot (some 5,000 calls) C2 recompiles
      // the pbkdf2 loop, which inlines it, into code that runs at half the speed for good
      // (measured: 106 calls/s of pbkdf2(20000, sha512) falling to 57 after ~25 s, on one thread
      // and on each of two). Two half blocks take the single-block path the loop itself uses.
      int half = blockSize / 2;
      inner.update(ipad, 0, half);
      inner.update(ipad, half, blockSize - half);
      outer.update(opad, 0, half);
      outer.update(opad, half, blockSize - half);
      return new PadStates(inner, outer);
    }

    /** HMAC of {@code a} then {@code b} (may be null) into {@code out}, which may be {@code a}. */
    void mac(byte[] out, byte[] a, byte[] b) throws GeneralSecurityException {
      MessageDigest md = copy(inner);
      md.update(a);
      if (b != null) md.update(b);
      md.digest(out, 0, length);
      md = copy(outer);
      md.update(out, 0, length);
      md.digest(out, 0, length);
    }

    private static MessageDigest copy(MessageDigest md) throws GeneralSecurityException {
      try {
        return (MessageDigest) md.clone();
      } catch (CloneNotSupportedException e) {
        throw new GeneralSecurityException(md.getAlgorithm() + " digests cannot be copied", e);
      }
    }
  }

  /** HMAC's block size for a JDK digest (the input block of its compression function). */
  static int blockSize(String jdkName) {
    return switch (jdkName) {
      case "MD5", "SHA-1", "SHA-224", "SHA-256" -> 64;
      case "SHA-384", "SHA-512", "SHA-512/224", "SHA-512/256" -> 128;
      case "SHA3-224" -> 144;
      case "SHA3-256" -> 136;
      case "SHA3-384" -> 104;
      case "SHA3-512" -> 72;
      default -> throw new IllegalArgumentException("no HMAC block size for " + jdkName);
    };
  }
}
