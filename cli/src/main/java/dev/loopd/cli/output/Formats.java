package dev.loopd.cli.output;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How tables show times, durations, ratios and latencies. */
public final class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** {@code 2026-11-23 07:51:36Z}, or "-" when unset. */
  public static String dateTime(Timestamp t) {
    return isUnset(t) ? "-" : DATE_TIME.format(instant(t));
  }

  /** {@code 07:51:36} (UTC), or "-" when unset. */
  public static String time(Timestamp t) {
    return isUnset(t) ? "-" : TIME.format(instant(t));
  }

  /** Seconds as milliseconds with one decimal: {@code 12.3}. */
  public static String millis(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds * 1000);
  }

  /** A 0..1 ratio as a whole percentage: {@code 45%}. */
  public static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
  }

  /** {@code 50ms}, {@code 6s}, {@code 1m30s}; "default" when unset. */
  public static String duration(Duration d) {
    if (d.getSeconds() == 0 && d.getNanos() == 0) {
      return "default";
    }
    java.time.Duration j = java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
    if (j.toMillis() < 1000 || j.toMillisPart() != 0) {
      return j.toMillis() + "ms";
    }
    long s = j.toSeconds();
    if (s % 3600 == 0) {
      return (s / 3600) + "h";
    }
    if (s % 60 == 0) {
      return (s / 60) + "m";
    }
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
  }

  /** A number, or "default" when 0 (the API's "unset"). */
  public static String orDefault(long value) {
    return value == 0 ? "default" : Long.toString(value);
  }

  /** A ratio, or "default" when 0 (the API's "unset"). */
  public static String orDefault(double value) {
    return value == 0 ? "default" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** An enum constant without its prefix, lower case: {@code STATE_READY} → {@code ready}. */
  public static String enumName(Enum<?> value, String prefix) {
    String name = value.name();
    if (name.startsWith(prefix)) {
      name = name.substring(prefix.length());
    }
    return name.equals("UNRECOGNIZED") ? "?" : name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static boolean isUnset(Timestamp t) {
    return t.getSeconds() == 0 && t.getNanos() == 0;
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
