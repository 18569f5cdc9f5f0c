package dev.loopd.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.QueryParam;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "invoke",
    description =
        "Run one request through a handler and print the response body (exit 0 unless --fail and"
            + " the status is 400 or more).")
final class InvokeCommand extends ApiCommand {

  /** Where the raw body goes; tests replace it. */
  static PrintStream stdout = System.out;

  @Parameters(paramLabel = "NAME")
  String handler;

  @Option(
      names = {"-d", "--data"},
      description = "Request body: text, @FILE, or - for standard input.")
  String data;

  @Option(names = "--path", description = "Path below the handler (default: /).")
  String path = "/";

  @Option(
      names = {"-X", "--method"},
      description = "HTTP method (default: GET, POST with -d).")
  String method = "";

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'")
  List<String> headers = new ArrayList<>();

  @Option(names = "--query", paramLabel = "K=V")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--timeout",
      converter = DurationParser.class,
      description = "e.g. 5s (default: 30s).")
  Duration timeout = Durations.fromSeconds(30);

  @Option(
      names = {"-i", "--include"},
      description = "Print status and headers before the body.")
  boolean include;

  @Option(names = "--fail", description = "Exit 22 when the status is 400 or more (as curl -f).")
  boolean fail;

  @Override
  int run(Api api) throws IOException {
    InvokeRequest.Builder request =
        InvokeRequest.newBuilder()
            .setHandler(handler)
            .setPath(path)
            .setMethod(method)
            .setTimeout(timeout);
    if (data != null) {
      request.setBody(body(data));
    }
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("-H '" + h + "' is not 'Name: value'");
      }
      request.addHeaders(
          Header.newBuilder()
              .setName(h.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT))
              .setValue(h.substring(colon + 1).strip()));
    }
    for (String q : query) {
      int eq = q.indexOf('=');
      request.addQuery(
          eq < 0
              ? QueryParam.newBuilder().setName(q)
              : QueryParam.newBuilder().setName(q.substring(0, eq)).setValue(q.substring(eq + 1)));
    }
    InvokeResponse r =
        api.invoke()
            .withDeadlineAfter(Durations.toMillis(timeout) + 5000, TimeUnit.MILLISECONDS)
            .invoke(request.build());
    if (!Output.structured(global.output, r, out())) {
      if (include) {
        StringBuilder head = new StringBuilder("HTTP " + r.getStatus() + "\n");
        for (Header h : r.getHeadersList()) {
          head.append(h.getName()).append(": ").append(h.getValue()).append('\n');
        }
        head.append('\n');
        stdout.print(head);
      }
      stdout.write(r.getBody().toByteArray());
      if (!r.getBody().isEmpty()
          && r.getBody().byteAt(r.getBody().size() - 1) != '\n'
          && System.console() != null) {
        stdout.println();
      }
      stdout.flush();
    }
    return fail && r.getStatus() >= 400 ? 22 : 0;
  }

  static ByteString body(String data) throws IOException {
    if (data.equals("-")) {
      return ByteString.readFrom(System.in);
    }
    if (data.startsWith("@")) {
      return ByteString.copyFrom(Files.readAllBytes(Path.of(data.substring(1))));
    }
    return ByteString.copyFromUtf8(data);
  }
}
