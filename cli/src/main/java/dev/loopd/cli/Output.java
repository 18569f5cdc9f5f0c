package dev.loopd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.Duration;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Prints results as a table (for people) or as JSON/YAML of the API's messages (for scripts). */
final class Output {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private Output() {}

  /** {@code message} as JSON or YAML; false when the format is table (the caller prints one). */
  static boolean structured(Global.Format format, MessageOrBuilder message, PrintWriter out) {
    if (format == Global.Format.table) {
      return false;
    }
    try {
      String json = JsonFormat.printer().print(message);
      out.print(
          format == Global.Format.json
              ? json + "\n"
              : YAML.writeValueAsString(JSON.readTree(json)));
      out.flush();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain table: columns padded to their widest cell, two spaces apart. */
  static String table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] width = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), width[i] + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int n) {
    return s.length() >= n ? s : s + " ".repeat(n - s.length());
  }

  static String time(Timestamp t) {
    return t.getSeconds() == 0 ? "-" : Timestamps.toString(t).replaceFirst("\\.\\d+Z$", "Z");
  }

  static String age(Timestamp t, long nowMillis) {
    if (t.getSeconds() == 0) {
      return "-";
    }
    long s = Math.max(0, (nowMillis - Timestamps.toMillis(t)) / 1000);
    if (s < 120) return s + "s";
    if (s < 7200) return s / 60 + "m";
    if (s < 172800) return s / 3600 + "h";
    return s / 86400 + "d";
  }

  static String duration(Duration d) {
    long ms = Durations.toMillis(d);
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  static String ms(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.1f", seconds * 1000);
  }

  static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.0f%%", fraction * 100);
  }
}
