package dev.loopd.control.auth;

import dev.loopd.control.errors.ApiException;
import io.grpc.Context;
import io.grpc.Status;

/**
 * Who is calling: the token's tenant, or an admin. Set on the gRPC {@link Context} by the
 * authentication interceptor; services read it with {@link #current()}.
 *
 * @param tenant the tenant the token acts for; empty for an admin token
 * @param admin true for an admin token (manages tenants, acts for none)
 * @param tokenId the token's public id
 */
public record Caller(String tenant, boolean admin, String tokenId) {

  public static final Context.Key<Caller> KEY = Context.key("loopd-caller");

  /**
   * The caller of the current call.
   *
   * @throws ApiException UNAUTHENTICATED when no interceptor identified one (a wiring bug, or a
   *     service reached without authentication)
   */
  public static Caller current() {
    Caller c = KEY.get();
    if (c == null) {
      throw new ApiException(
          Status.Code.UNAUTHENTICATED, "missing bearer token: pass --token or run `loopctl login`");
    }
    return c;
  }

  /** The tenant a tenant RPC acts for; an admin token is refused. */
  public String requireTenant() {
    if (admin) {
      throw new ApiException(
          Status.Code.PERMISSION_DENIED,
          "an admin token manages tenants and cannot use tenant resources: use a tenant's token"
              + " (`loopctl tokens create --tenant NAME` with the admin token makes one)");
    }
    return tenant;
  }

  /** Refuses a tenant token on an admin RPC. */
  public void requireAdmin() {
    if (!admin) {
      throw new ApiException(
          Status.Code.PERMISSION_DENIED,
          "this needs an admin token (bin/loopd up writes one to <data-dir>/tokens/admin.token)");
    }
  }
}
