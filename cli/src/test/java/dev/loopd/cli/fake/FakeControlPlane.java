package dev.loopd.cli.fake;

import dev.loopd.cli.Environment;
import dev.loopd.cli.Loopctl;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process gRPC server with the fake services (test doubles, not the real control plane), and
 * a way to run loopctl command lines against it with a chosen environment.
 */
public final class FakeControlPlane implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  public final FakeTenants tenants = new FakeTenants();
  public final FakeHandlers handlers = new FakeHandlers();
  public final FakePools pools = new FakePools();
  public final FakeInvoke invoke = new FakeInvoke();
  public final FakeTelemetry telemetry = new FakeTelemetry();

  /** The authorization header of each call (null when absent). */
  public final List<String> authorizations = new CopyOnWriteArrayList<>();

  /** The targets loopctl opened channels to (its --server resolution). */
  public final List<String> targets = new CopyOnWriteArrayList<>();

  public final Map<String, String> env = new HashMap<>();
  public final Path home;
  public byte[] stdin = new byte[0];
  public boolean terminal;

  private final String name = InProcessServerBuilder.generateName();
  private final Server server;

  public FakeControlPlane(Path home) throws IOException {
    this.home = home;
    ServerInterceptor recordAuth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String auth = headers.get(AUTHORIZATION);
            authorizations.add(auth == null ? "<none>" : auth);
            return next.startCall(call, headers);
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(tenants, recordAuth))
            .addService(ServerInterceptors.intercept(handlers, recordAuth))
            .addService(ServerInterceptors.intercept(pools, recordAuth))
            .addService(ServerInterceptors.intercept(invoke, recordAuth))
            .addService(ServerInterceptors.intercept(telemetry, recordAuth))
            .build()
            .start();
    env.put("LOOPD_CONFIG", home.resolve("config.json").toString());
  }

  /** Runs one loopctl command line; returns its exit status and output. */
  public Result run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var environment =
        new Environment(
            Map.copyOf(env),
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            home,
            terminal,
            target -> {
              targets.add(target);
              return InProcessChannelBuilder.forName(name).build();
            });
    int status = new Loopctl(environment).run(args);
    return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  /** What a command line did. */
  public record Result(int status, byte[] stdout, String err) {
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out() + "--- stderr\n" + err;
    }
  }
}
