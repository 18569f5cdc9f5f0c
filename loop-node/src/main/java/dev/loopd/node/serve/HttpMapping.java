package dev.loopd.node.serve;

import dev.loopd.proto.node.v1.QueryParam;
import io.grpc.Status;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure parts of the HTTP front end: splitting {@code /h/{handler}/{path...}}, decoding the
 * query, and mapping a core status to an HTTP status and JSON error body. Kept apart from {@link
 * HttpFrontend} so they read (and are tested) without a server.
 */
final class HttpMapping {

  /** Prefix of the data-plane route. */
  static final String HANDLER_PREFIX = "/h/";

  /** The routes the HTTP port serves, listed in the body of a 404 for an unknown path. */
  static final List<String> ROUTES =
      List.of(
          "ANY /h/{handler}/{path...}", "GET /healthz/live", "GET /healthz/ready", "GET /metrics");

  private HttpMapping() {}

  /** A data-plane target: handler name (not yet validated) and the path below it. */
  record Target(String handler, String path) {}

  /**
   * Splits a raw (not percent-decoded) request path under {@code /h/}: {@code /h/hello/a/b} is
   * handler "hello", path "/a/b"; {@code /h/hello} and {@code /h/hello/} are path "/". Returns null
   * when the path is not under {@code /h/}.
   */
  static Target target(String rawPath) {
    if (rawPath == null || !rawPath.startsWith(HANDLER_PREFIX)) {
      return null;
    }
    int nameEnd = rawPath.indexOf('/', HANDLER_PREFIX.length());
    if (nameEnd < 0) {
      return new Target(rawPath.substring(HANDLER_PREFIX.length()), "/");
    }
    return new Target(
        rawPath.substring(HANDLER_PREFIX.length(), nameEnd), rawPath.substring(nameEnd));
  }

  /**
   * Decodes a raw query string the way WHATWG URLSearchParams does (what a JS handler expects):
   * pairs split on '&amp;' (empty ones skipped) and at the first '=', '+' is a space, %XX escapes
   * are decoded as UTF-8 (malformed escapes are kept as written, malformed UTF-8 becomes U+FFFD).
   * Order and duplicates are kept.
   */
  static List<QueryParam> query(String rawQuery) {
    List<QueryParam> params = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(QueryParam.newBuilder().setName(decode(name)).setValue(decode(value)).build());
    }
    return params;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /**
   * The HTTP status for a core failure: INVALID_ARGUMENT 400, NOT_FOUND 404, FAILED_PRECONDITION
   * 409 (the handler failed to load), RESOURCE_EXHAUSTED 413 / 500 / 503 by the description prefix
   * that {@link CoreErrors} documents, DEADLINE_EXCEEDED 504, UNAVAILABLE 503 (with Retry-After),
   * CANCELLED 499 (the client went away; rarely seen by anyone), anything else 500.
   */
  static int httpStatus(Status status) {
    return switch (status.getCode()) {
      case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
      case NOT_FOUND -> 404;
      case FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> resourceExhaustedStatus(status.getDescription());
      case DEADLINE_EXCEEDED -> 504;
      case UNAVAILABLE -> 503;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case CANCELLED -> 499;
      default -> 500;
    };
  }

  private static int resourceExhaustedStatus(String description) {
    if (description != null && description.startsWith(CoreErrors.REQUEST_BODY)) {
      return 413;
    }
    if (description != null && description.startsWith(CoreErrors.RESPONSE_BODY)) {
      return 500;
    }
    return 503;
  }

  /** {@code {"error":{"code":"NOT_FOUND","message":"..."}}}, the body of every error response. */
  static String errorBody(Status.Code code, String message) {
    return new JsonObject()
        .put("error", new JsonObject().put("code", code.name()).put("message", message))
        .encode();
  }

  /** The message of a status, never empty. */
  static String message(Status status) {
    String d = status.getDescription();
    return d == null || d.isBlank() ? status.getCode().name().toLowerCase().replace('_', ' ') : d;
  }
}
