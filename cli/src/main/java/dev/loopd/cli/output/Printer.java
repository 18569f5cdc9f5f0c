package dev.loopd.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Prints a command's result in the chosen {@link OutputFormat}: the table the command draws, or the
 * whole API message as JSON (protobuf's JSON mapping) or YAML (the same document).
 */
public final class Printer {
  private static final JsonFormat.Printer JSON = JsonFormat.printer();
  private static final JsonFormat.Printer JSON_LINE =
      JsonFormat.printer().omittingInsignificantWhitespace();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final OutputFormat format;
  private final PrintStream out;

  public Printer(OutputFormat format, PrintStream out) {
    this.format = format;
    this.out = out;
  }

  public OutputFormat format() {
    return format;
  }

  public PrintStream out() {
    return out;
  }

  /** Runs {@code table} for {@code -o table}; prints {@code message} otherwise. */
  public void print(MessageOrBuilder message, Runnable table) {
    if (format == OutputFormat.TABLE) {
      table.run();
    } else {
      out.print(render(message));
    }
  }

  /** One message of a stream: a JSON line, or a YAML document starting with {@code ---}. */
  public void printStreamed(MessageOrBuilder message) {
    if (format == OutputFormat.JSON) {
      out.println(json(JSON_LINE, message));
    } else {
      out.print("---\n" + yaml(message));
    }
    out.flush();
  }

  /** The message as this printer's JSON or YAML text (ending with a newline). */
  public String render(MessageOrBuilder message) {
    return format == OutputFormat.YAML ? yaml(message) : json(JSON, message) + "\n";
  }

  private static String yaml(MessageOrBuilder message) {
    try {
      return YAML.writeValueAsString(MAPPER.readTree(json(JSON, message)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
    }
  }
}
