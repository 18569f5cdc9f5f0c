package dev.loopd.control.auth;

import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.TokenRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens: {@code loopd_<id>_<secret>}. The id (12 lowercase base32 characters) is public and
 * names the token; the store keeps only the SHA-256 of the whole string, compared in constant time.
 */
public final class Tokens {

  /** A token as created: its stored record and the bearer string, shown once. */
  public record IssuedToken(TokenRecord record, String secret) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private Tokens() {}

  /** Creates and stores a token for {@code tenant} (empty and {@code admin} for an admin token). */
  public static IssuedToken issue(
      Store store, String tenant, boolean admin, String description, Clock clock) {
    StringBuilder id = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
    }
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String bearer =
        "loopd_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    TokenRecord record =
        new TokenRecord(id.toString(), tenant, admin, sha256(bearer), description, clock.instant());
    store.putToken(record);
    return new IssuedToken(record, bearer);
  }

  /** The token {@code bearer} stands for, if it is well-formed, known and matches its hash. */
  public static Optional<TokenRecord> verify(Store store, String bearer) {
    if (bearer == null || !bearer.startsWith("loopd_")) {
      return Optional.empty();
    }
    int end = bearer.indexOf('_', 6);
    if (end < 0) {
      return Optional.empty();
    }
    String id = bearer.substring(6, end);
    return store
        .token(id)
        .filter(t ->
            MessageDigest.isEqual(
                t.secretSha256().getBytes(StandardCharsets.US_ASCII),
                sha256(bearer).getBytes(StandardCharsets.US_ASCII)));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
