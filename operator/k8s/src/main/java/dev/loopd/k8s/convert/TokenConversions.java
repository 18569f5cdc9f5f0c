package dev.loopd.k8s.convert;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.operator.store.TokenRecord;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link TokenRecord} ⇄ a Secret {@code loopd-token-<id>} labelled {@value LoopdLabels#TOKEN}=true
 * and {@value LoopdLabels#TENANT}, with data {@code id}, {@code sha256}, {@code tenant}, {@code
 * admin}, {@code description}, {@code createTime}. Never the token itself: only its SHA-256.
 */
public final class TokenConversions {

  public static final String NAME_PREFIX = "loopd-token-";

  private TokenConversions() {}

  public static String secretName(String id) {
    return NAME_PREFIX + id;
  }

  public static Secret toSecret(TokenRecord t, String namespace) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("id", t.id());
    data.put("sha256", t.secretSha256());
    data.put("tenant", t.tenant());
    data.put("admin", Boolean.toString(t.admin()));
    data.put("description", t.description());
    data.put("createTime", t.createTime().toString());
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((k, v) ->
        encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(secretName(t.id()))
        .withNamespace(namespace)
        .addToLabels(LoopdLabels.TOKEN, "true")
        .addToLabels(LoopdLabels.TENANT, t.tenant())
        .addToLabels(LoopdLabels.MANAGED_BY, LoopdLabels.MANAGED_BY_VALUE)
        .endMetadata()
        .withType("Opaque")
        .withData(encoded)
        .build();
  }

  /**
   * The token record in {@code secret}.
   *
   * @throws InvalidResourceException when a field is missing or malformed
   */
  public static TokenRecord toToken(Secret secret) {
    String where =
        "Secret " + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    String id = decode(where, data, "id", true);
    String createTime = decode(where, data, "createTime", true);
    Instant created;
    try {
      created = Instant.parse(createTime);
    } catch (DateTimeParseException e) {
      throw new InvalidResourceException(
          where + ": data.createTime \"" + createTime + "\" is not an RFC 3339 time", e);
    }
    return new TokenRecord(
        id,
        decode(where, data, "tenant", false),
        Boolean.parseBoolean(decode(where, data, "admin", false)),
        decode(where, data, "sha256", true),
        decode(where, data, "description", false),
        created);
  }

  private static String decode(
      String where, Map<String, String> data, String key, boolean required) {
    String v = data.get(key);
    if (v == null) {
      if (required) {
        throw new InvalidResourceException(where + ": data." + key + " is missing");
      }
      return "";
    }
    try {
      return new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidResourceException(where + ": data." + key + " is not base64", e);
    }
  }
}
