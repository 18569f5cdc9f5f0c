package dev.loopd.cli;

import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 50ms}, {@code 6s}, {@code 1m}, {@code 1.5s}, {@code 2h} into a Duration. */
public final class DurationParser implements ITypeConverter<Duration> {

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    Matcher m = FORMAT.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: use a number and a unit, e.g. 50ms, 6s, 1m, 2h");
    }
    double n = Double.parseDouble(m.group(1));
    double millis =
        switch (m.group(2)) {
          case "ms" -> n;
          case "s" -> n * 1000;
          case "m" -> n * 60_000;
          default -> n * 3_600_000;
        };
    return Durations.fromMillis(Math.round(millis));
  }
}
