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
    String mac = "Hmac" + require(nodeName).replace("-", "").replace("/", "");
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

  /** PBKDF2 (RFC 8018) over the JDK's HMAC, which works on raw bytes as Node's does. */
  public static byte[] pbkdf2(
      byte[] password, byte[] salt, int iterations, int keyLength, String digest)
      throws GeneralSecurityException {
    Mac mac = hmac(digest, password);
    int hLen = mac.getMacLength();
    byte[] out = new byte[keyLength];
    byte[] u = new byte[hLen];
    byte[] t = new byte[hLen];
    byte[] counter = new byte[4];
    for (int block = 1, offset = 0; offset < keyLength; block++, offset += hLen) {
      counter[0] = (byte) (block >>> 24);
      counter[1] = (byte) (block >>> 16);
      counter[2] = (byte) (block >>> 8);
      counter[3] = (byte) block;
      mac.update(salt);
      mac.update(counter);
      mac.doFinal(u, 0);
      System.arraycopy(u, 0, t, 0, hLen);
      for (int i = 1; i < iterations; i++) {
        mac.update(u);
        mac.doFinal(u, 0);
        for (int j = 0; j < hLen; j++) t[j] ^= u[j];
      }
      System.arraycopy(t, 0, out, offset, Math.min(hLen, keyLength - offset));
    }
    return out;
  }
}
