package dev.loopd.cli.parse;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 50ms}, {@code 6s}, {@code 1m}, {@code 1m30s}, {@code 1.5s},
 * {@code 2h}. Units: ns, us, ms, s, m, h. A bare number is refused, since its unit would be a
 * guess.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text) {
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    long nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double amount = Double.parseDouble(m.group(1));
      long unit =
          switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos += Math.round(amount * unit);
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: use a number with a unit, e.g. 50ms, 6s, 1m, 1m30s");
    }
    return Duration.ofNanos(nanos);
  }

  /** As a protobuf Duration. */
  public static com.google.protobuf.Duration toProto(Duration d) {
    return com.google.protobuf.Duration.newBuilder()
        .setSeconds(d.getSeconds())
        .setNanos(d.getNano())
        .build();
  }
}
