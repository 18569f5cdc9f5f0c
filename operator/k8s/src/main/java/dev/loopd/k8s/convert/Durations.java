package dev.loopd.k8s.convert;

import com.google.protobuf.Duration;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as custom resources write them, the way Go and kubectl do: one or more decimal numbers
 * each with a unit ({@code ns}, {@code us} or {@code µs}, {@code ms}, {@code s}, {@code m}, {@code
 * h}), e.g. {@code 500ms}, {@code 60s}, {@code 1m30s}, {@code 1.5s}. Negative durations are
 * refused.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Durations() {}

  /**
   * Parses {@code value}; null or empty gives null (unset). {@code field} names the value in the
   * error, e.g. {@code spec.autoscaling.stableWindow}.
   *
   * @throws InvalidResourceException when {@code value} is not a duration
   */
  public static Duration parse(String field, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Matcher m = PART.matcher(value);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < value.length()) {
      if (!m.find(at) || m.start() != at) {
        throw invalid(field, value);
      }
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
      at = m.end();
    }
    BigInteger whole = nanos.setScale(0, RoundingMode.DOWN).toBigInteger();
    BigInteger[] sn = whole.divideAndRemainder(NANOS_PER_SECOND.toBigInteger());
    if (sn[0].bitLength() > 40) {
      throw new InvalidResourceException(field + ": \"" + value + "\" is too long a duration");
    }
    return Duration.newBuilder().setSeconds(sn[0].longValue()).setNanos(sn[1].intValue()).build();
  }

  /**
   * Parses {@code value} as a whole number of milliseconds (the unit of {@code
   * loopd.node.v1.Limits}); null or empty gives 0 (unset).
   */
  public static long parseMillis(String field, String value) {
    Duration d = parse(field, value);
    if (d == null) {
      return 0;
    }
    if (d.getNanos() % 1_000_000 != 0) {
      throw new InvalidResourceException(
          field + ": \"" + value + "\" is not a whole number of milliseconds");
    }
    return d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
  }

  /**
   * Writes {@code d} in the largest unit that keeps it exact: {@code 2h}, {@code 90s}, {@code 1m},
   * {@code 500ms}, {@code 250us}, {@code 7ns}; null for null (unset). Whole minutes and hours are
   * written as such, other whole seconds in seconds ({@code 90s}, not {@code 1m30s}).
   */
  public static String format(Duration d) {
    if (d == null) {
      return null;
    }
    long s = d.getSeconds();
    int n = d.getNanos();
    if (n == 0) {
      if (s != 0 && s % 3600 == 0) {
        return s / 3600 + "h";
      }
      if (s != 0 && s % 60 == 0) {
        return s / 60 + "m";
      }
      return s + "s";
    }
    if (n % 1_000_000 == 0) {
      return formatMillis(s * 1000 + n / 1_000_000);
    }
    if (n % 1000 == 0) {
      return (s * 1_000_000 + n / 1000) + "us";
    }
    return (s * 1_000_000_000 + n) + "ns";
  }

  /** {@code ms} milliseconds as {@link #format} writes them; null for 0 (unset). */
  public static String formatMillis(long ms) {
    if (ms == 0) {
      return null;
    }
    if (ms % 1000 == 0) {
      return format(Duration.newBuilder().setSeconds(ms / 1000).build());
    }
    return ms + "ms";
  }

  private static BigDecimal unitNanos(String unit) {
    return BigDecimal.valueOf(
        switch (unit) {
          case "ns" -> 1L;
          case "us", "µs" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          default -> throw new IllegalStateException(unit);
        });
  }

  private static InvalidResourceException invalid(String field, String value) {
    return new InvalidResourceException(
        field
            + ": \""
            + value
            + "\" is not a duration: write a number with a unit (ns, us, ms, s, m, h), e.g. 500ms,"
            + " 60s, 1m30s");
  }
}
