package dev.loopd.e2e;

import dev.loopd.proto.control.v1.GetPoolHealthRequest;
import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.TelemetryServiceGrpc;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real loopd on this machine for a test class: {@code bin/loopd up} on a free port with a fresh
 * data directory, gRPC stubs that carry a tenant's bearer token, and the logs printed when
 * something goes wrong. Closing it runs {@code bin/loopd down}.
 */
final class Platform implements AutoCloseable {

  static final Path ROOT =
      Path.of(System.getProperty("loopd.root", "..")).toAbsolutePath().normalize();

  final Path dataDir;
  final int port;
  private ManagedChannel channel;

  private final Map<String, String> environment;

  private Platform(Path dataDir, int port, Map<String, String> environment) {
    this.dataDir = dataDir;
    this.port = port;
    this.environment = environment;
  }

  /** Marks the start of the logs in a failure message (so they are not printed twice). */
  static final String LOGS_HEADER = "--- logs of ";

  /** Platforms by the class that started them, for {@link PlatformLogsOnFailure}. */
  private static final Map<Class<?>, List<Platform>> STARTED = new ConcurrentHashMap<>();

  static Platform up() throws Exception {
    return up(Map.of());
  }

  /** With {@code environment} added to the control API's (and so its nodes') environment. */
  static Platform up(Map<String, String> environment) throws Exception {
    Platform p = new Platform(Files.createTempDirectory("loopd-e2e-"), freePort(), environment);
    Class<?> caller =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(frames ->
                frames
                    .map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> c != Platform.class)
                    .findFirst()
                    .orElse(Platform.class));
    STARTED.computeIfAbsent(caller, c -> new CopyOnWriteArrayList<>()).add(p);
    p.start();
    return p;
  }

  /** The platforms {@code testClass} started (stopped ones too: their logs stay on disk). */
  static List<Platform> startedBy(Class<?> testClass) {
    return STARTED.getOrDefault(testClass, List.of());
  }

  private void start() throws Exception {
    run(
        Duration.ofSeconds(120),
        "up",
        "--data-dir",
        dataDir.toString(),
        "--port",
        Integer.toString(port));
    channel =
        Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create()).build();
  }

  /** Stops and starts the control API on the same data directory and port. */
  void restart() throws Exception {
    down();
    start();
  }

  void down() throws Exception {
    if (channel != null) {
      channel.shutdownNow();
      channel = null;
    }
    run(Duration.ofSeconds(90), "down", "--data-dir", dataDir.toString());
  }

  private void run(Duration timeout, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("bin/loopd").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(environment);
    Process p = pb.start();
    String out;
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "bin/loopd " + String.join(" ", args) + " did not finish in " + timeout + logs());
    }
    out = new String(p.getInputStream().readAllBytes());
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "bin/loopd "
              + String.join(" ", args)
              + " exited "
              + p.exitValue()
              + ":\n"
              + out
              + logs());
    }
  }

  /** The plain channel, without a token (health checking and reflection need none). */
  Channel channel() {
    return channel;
  }

  String tenantToken() throws IOException {
    return Files.readString(dataDir.resolve("tokens/default.token")).strip();
  }

  String adminToken() throws IOException {
    return Files.readString(dataDir.resolve("tokens/admin.token")).strip();
  }

  /** Stubs acting with {@code token}. */
  Stubs as(String token) {
    Channel ch = ClientInterceptors.intercept(channel, bearer(token));
    return new Stubs(
        TenantServiceGrpc.newBlockingStub(ch),
        HandlerServiceGrpc.newBlockingStub(ch),
        PoolServiceGrpc.newBlockingStub(ch),
        InvokeServiceGrpc.newBlockingStub(ch),
        InvokeServiceGrpc.newFutureStub(ch),
        TelemetryServiceGrpc.newBlockingStub(ch),
        TelemetryServiceGrpc.newStub(ch));
  }

  /** Stubs acting for the {@code default} tenant that local mode bootstraps. */
  Stubs tenant() throws IOException {
    return as(tenantToken());
  }

  /** Stubs acting with the admin token (tenants and their tokens). */
  Stubs admin() throws IOException {
    return as(adminToken());
  }

  record Stubs(
      TenantServiceGrpc.TenantServiceBlockingStub tenants,
      HandlerServiceGrpc.HandlerServiceBlockingStub handlers,
      PoolServiceGrpc.PoolServiceBlockingStub pools,
      InvokeServiceGrpc.InvokeServiceBlockingStub invoke,
      InvokeServiceGrpc.InvokeServiceFutureStub invokeAsync,
      TelemetryServiceGrpc.TelemetryServiceBlockingStub telemetry,
      TelemetryServiceGrpc.TelemetryServiceStub telemetryAsync) {

    PoolHealth health(String pool) {
      return telemetry
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .getPoolHealth(GetPoolHealthRequest.newBuilder().setPool(pool).build());
    }

    long readyNodes(String pool) {
      return health(pool).getNodesList().stream()
          .filter(n -> n.getState() == NodeHealth.State.STATE_READY)
          .count();
    }
  }

  private static ClientInterceptor bearer(String token) {
    Metadata.Key<String> key = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(key, "Bearer " + token);
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /**
   * The pid of a node process, found by its {@code --node-id} argument ({@code pgrep -f --
   * "--node-id ID"}); empty when no such process runs.
   */
  Optional<Long> nodePid(String nodeId) {
    try {
      Process p =
          new ProcessBuilder("pgrep", "-f", "--", "--node-id " + nodeId + "( |$)")
              .redirectErrorStream(true)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("pgrep did not answer in 10 s");
      }
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return out.lines().findFirst().map(Long::parseLong);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run pgrep (procps) to find node " + nodeId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Waits until {@code condition} holds, failing with {@code what} and the logs after {@code
   * timeout}.
   */
  void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Await.until(what, timeout, condition, () -> logs().stripLeading());
  }

  <T> T eventually(String what, Duration timeout, Supplier<T> attempt) throws InterruptedException {
    Object[] result = new Object[1];
    await(
        what,
        timeout,
        () -> {
          result[0] = attempt.get();
          return true;
        });
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  /** The end of the control API's and the nodes' logs, for failure messages. */
  String logs() {
    StringBuilder out = new StringBuilder("\n" + LOGS_HEADER).append(dataDir).append(" ---\n");
    tail(dataDir.resolve("logs/control-api.log"), 40, out);
    try (Stream<Path> nodes = Files.list(dataDir.resolve("logs/nodes"))) {
      nodes.sorted().forEach(n -> tail(n, 15, out));
    } catch (IOException ignored) {
      // no node logs
    }
    return out.toString();
  }

  private static void tail(Path file, int lines, StringBuilder out) {
    try {
      List<String> all = Files.readAllLines(file);
      out.append("== ").append(file.getFileName()).append('\n');
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(l -> out.append(l).append('\n'));
    } catch (IOException ignored) {
      // not there
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    down();
  }
}
