package dev.loopd.cli.invoke;

import com.google.protobuf.util.Durations;
import dev.loopd.cli.command.ApiCommand;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.OutputFormat;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.node.v1.Header;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopctl invoke}: runs one request through a handler and prints the response body raw, like
 * curl. A handler's HTTP error status is not a loopctl failure unless {@code --fail}.
 */
@Command(
    name = "invoke",
    description = {
      "Run one request through a handler and print the response body (raw) to stdout.",
      "Exit status: 0 whatever the HTTP status; with --fail, "
          + InvokeCommand.FAIL_EXIT
          + " when it is 400 or more (like curl --fail); 1 when the call itself fails."
    })
public final class InvokeCommand extends ApiCommand {
  /** Exit status of {@code --fail} on an HTTP status >= 400 (curl's). */
  public static final int FAIL_EXIT = 22;

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(201, "Created"),
          Map.entry(202, "Accepted"),
          Map.entry(204, "No Content"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(302, "Found"),
          Map.entry(304, "Not Modified"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(409, "Conflict"),
          Map.entry(413, "Content Too Large"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  @Parameters(paramLabel = "NAME", description = "Handler to invoke.")
  String handler;

  @Mixin RequestOptions request;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Deadline of the invocation, e.g. 5s.")
  Duration timeout;

  @Option(
      names = {"-i", "--include"},
      description = "Print the status line and headers before the body.")
  boolean include;

  @Option(
      names = "--fail",
      description = "Exit " + FAIL_EXIT + " when the HTTP status is 400 or more.")
  boolean fail;

  @Override
  protected int run(Connection api) {
    InvokeRequest.Builder b = request.toRequest(handler, root().env().in());
    var stub = api.invoke();
    if (timeout != null) {
      b.setTimeout(dev.loopd.cli.parse.Durations.toProto(timeout));
      // The control plane answers DEADLINE_EXCEEDED itself; the call's own deadline is a backstop.
      stub = stub.withDeadlineAfter(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
    }
    InvokeResponse response = stub.invoke(b.build());
    if (root().verbose()) {
      err()
          .printf(
              "loopctl: invocation %s, version %s on node %s, %d attempt(s), %d ms%n",
              response.getInvocationId(),
              response.getHandlerVersion(),
              response.getNodeId(),
              response.getAttempts(),
              Durations.toMillis(response.getDuration()));
    }
    if (root().output() != OutputFormat.TABLE) {
      printer().print(response, () -> {});
    } else {
      writeRaw(response, out());
    }
    if (fail && response.getStatus() >= 400) {
      err().println("error: " + handler + " answered HTTP " + response.getStatus());
      return FAIL_EXIT;
    }
    return 0;
  }

  private void writeRaw(InvokeResponse response, PrintStream out) {
    if (include) {
      StringBuilder head = new StringBuilder();
      String reason = REASONS.getOrDefault(response.getStatus(), "");
      head.append("HTTP/1.1 ").append(response.getStatus());
      if (!reason.isEmpty()) {
        head.append(' ').append(reason);
      }
      head.append("\r\n");
      for (Header h : response.getHeadersList()) {
        head.append(h.getName()).append(": ").append(h.getValue()).append("\r\n");
      }
      head.append("\r\n");
      byte[] bytes = head.toString().getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
    }
    byte[] body = response.getBody().toByteArray();
    out.write(body, 0, body.length);
    out.flush();
  }
}
