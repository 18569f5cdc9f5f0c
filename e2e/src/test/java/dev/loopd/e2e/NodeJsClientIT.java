package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client no one here wrote: Node.js with @grpc/grpc-js and @grpc/proto-loader, reading the
 * repository's .proto files, submits and invokes a handler (e2e/node-client/client.mjs).
 */
@ExtendWith(PlatformLogsOnFailure.class)
class NodeJsClientIT {

  static final Path CLIENT = Platform.ROOT.resolve("e2e/node-client");

  @Test
  void aNodeJsGrpcClientSubmitsAndInvokesAHandler() throws Exception {
    if (!Files.isDirectory(CLIENT.resolve("node_modules/@grpc/grpc-js"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), null, null, 300);
    }
    try (Platform platform = Platform.up()) {
      String out =
          run(
              List.of("node", "client.mjs", "from-node"),
              "127.0.0.1:" + platform.port,
              platform.tenantToken(),
              120);
      assertThat(out)
          .contains("{\"step\":\"submitted\",\"version\":\"1\",\"created\":true}")
          .contains("{\"step\":\"ready\",\"state\":\"STATE_READY\"}")
          .contains(
              "\"status\":200,\"body\":{\"greeting\":\"hello from from-node\",\"version\":\"1\","
                  + "\"path\":\"/from/node\"}");
    }
  }

  private static String run(List<String> command, String server, String token, int seconds)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true);
    if (server != null) {
      pb.environment().put("LOOPD_SERVER", server);
      pb.environment().put("LOOPD_TOKEN", token);
    }
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(String.join(" ", command) + " output:\n" + out).isZero();
    return out;
  }
}
