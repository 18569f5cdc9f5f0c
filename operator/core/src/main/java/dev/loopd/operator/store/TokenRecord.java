package dev.loopd.operator.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token as stored: never the secret, only its SHA-256.
 *
 * @param id public prefix of the token, unique
 * @param tenant tenant the token acts for; empty for an admin token
 * @param admin true for a token that manages tenants
 * @param secretSha256 lowercase hex SHA-256 of the whole bearer string
 */
public record TokenRecord(
    String id,
    String tenant,
    boolean admin,
    String secretSha256,
    String description,
    Instant createTime) {

  public TokenRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(secretSha256, "secretSha256");
    description = description == null ? "" : description;
    Objects.requireNonNull(createTime, "createTime");
  }
}
