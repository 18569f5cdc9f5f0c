package dev.loopd.node.serve;

import dev.loopd.node.health.MemoryReducer;
import dev.loopd.node.health.Watchdog;
import dev.loopd.node.js.JsRuntime;
import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.node.pool.PoolTuning;
import dev.loopd.node.session.NodeSessionClient;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.NodeCapacity;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.RuntimeInfo;
import io.grpc.StatusRuntimeException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * A serving loop node, assembled: the loop (on the thread that calls {@link #run}), the blocking
 * pool, the handler host, the watchdog and lag monitor, the HTTP and gRPC front ends, telemetry,
 * and the node session when a control plane is given. {@link #run} returns the exit code: 0 after a
 * drain on SIGTERM or SIGINT, 1 when a --handler file does not load or a port is taken.
 */
public final class ServingNode {

  /** Everything {@code loop-node serve} was told. */
  public record Config(
      String host,
      int httpPort,
      int grpcPort,
      PoolTuning poolTuning,
      int poolQueue,
      Map<String, Path> handlerFiles,
      String tenant,
      String controlPlane,
      String pool,
      String nodeId,
      long cpuBudgetMs,
      long deadlineMs,
      long maxRequestBytes,
      long warnBlockedMs,
      long lagResolutionMs,
      Duration gracePeriod,
      AfterDrain afterDrain,
      String otlpEndpoint) {}

  /** What a node does once the control plane drained it (lower case: the CLI's values). */
  public enum AfterDrain {
    /** Stops and exits 0: the control plane that started the process is done with it. */
    exit,
    /**
     * Stays up, not ready (invocations refused as not started; {@code /healthz/live} still 200),
     * until SIGTERM: in a pod an exit would only make the kubelet restart the container, and the
     * pod's end is the operator's to decide.
     */
    wait
  }

  /** Invocations of a throwaway handler before ready; see {@link HandlerHost#warmUp}. */
  private static final int WARM_UP_CALLS = 2_000;

  // The memory reducer: how often it looks, how long the node must have been quiet (no collection
  // at all), and how much the old generation must have grown since its last collection.
  private static final Duration MEMORY_REDUCER_PERIOD = Duration.ofSeconds(2);
  private static final Duration MEMORY_REDUCER_QUIET = Duration.ofSeconds(10);
  private static final long MEMORY_REDUCER_MIN_GROWTH_BYTES = 16L << 20;

  private final Config config;
  private final EventLoop loop = new EventLoop();
  private final HandlerLog log = new HandlerLog(new FileOutputStream(FileDescriptor.out));
  private final AtomicInteger exitCode = new AtomicInteger();
  private volatile NodeSessionClient session;

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  public ServingNode(Config config) {
    this.config = config;
  }

  public int run() {
    BlockingPool pool = new BlockingPool(config.poolTuning().size(), config.poolQueue());
    PoolControl poolControl = new PoolControl(pool, log);
    poolControl.apply(config.poolTuning());
    HandlerHost host =
        new HandlerHost(
            loop,
            pool,
            new HandlerHost.Defaults(
                config.cpuBudgetMs(),
                config.deadlineMs(),
                config.maxRequestBytes(),
                HandlerHost.Defaults.standard().maxResponseBytes(),
                HandlerHost.Defaults.standard().maxHandlers()),
            log);
    Telemetry telemetry = new Telemetry(loop, host, pool, config, log);
    host.setPoolSettingsHandler(settings -> {
      if (settings.hasBlockingPool()) poolControl.apply(settings.getBlockingPool());
      if (settings.hasStatsInterval()) {
        telemetry.windows.setInterval(
            Duration.ofNanos(
                com.google.protobuf.util.Durations.toNanos(settings.getStatsInterval())));
      }
    });
    Watchdog watchdog =
        new Watchdog(
            config.warnBlockedMs(),
            Math.max(10, Math.min(config.cpuBudgetMs(), 100)),
            host::runningTaskBudgetNanos,
            sequence -> host.interruptRunningTask(),
            () -> null,
            line -> log.node("warn", line));
    watchdog.setOwner(host::runningTaskOwner);
    loop.addObserver(watchdog);
    watchdog.start();

    Frontends frontends;
    try {
      frontends =
          Frontends.start(
              host,
              HttpFrontend.Options.defaults()
                  .withHost(config.host())
                  .withPort(config.httpPort())
                  .withMaxRequestBytes(config.maxRequestBytes()),
              GrpcFrontend.Options.defaults().withHost(config.host()).withPort(config.grpcPort()));
    } catch (RuntimeException e) {
      log.node("error", "could not start serving: " + e.getMessage());
      log.close();
      return 1;
    }
    closeables.add(frontends);
    frontends.http().metrics(telemetry.metrics.prometheusText());
    log.node(
        "info",
        "loop-node serving: http port "
            + frontends.http().port()
            + ", grpc port "
            + frontends.grpc().port()
            + ", blocking pool "
            + config.poolTuning()
            + ", engine "
            + JsRuntime.engineImplementation()
            + ", http transport "
            + frontends.http().transport());

    Runnable onSignal = () -> shutdown(host, frontends, "a signal");
    Signal.handle(new Signal("TERM"), s -> onSignal.run());
    Signal.handle(new Signal("INT"), s -> onSignal.run());

    if (config.controlPlane() != null) {
      NodeSessionClient session =
          new NodeSessionClient(
              config.controlPlane(), hello(frontends), host, () -> afterDrained(frontends));
      closeables.add(0, session);
      this.session = session; // dialed once warmed up: see loadStartupHandlers
    }

    MemoryReducer memoryReducer =
        MemoryReducer.jvmHeap()
            .map(heap ->
                new MemoryReducer(
                    heap,
                    host::inFlight,
                    MEMORY_REDUCER_QUIET,
                    MEMORY_REDUCER_MIN_GROWTH_BYTES,
                    line -> log.node("info", line)))
            .orElse(null);
    if (memoryReducer != null) closeables.add(memoryReducer);
    Thread starter =
        new Thread(() -> loadStartupHandlers(host, telemetry, memoryReducer), "loopd-startup");
    starter.setDaemon(true);
    starter.start();

    loop.refHandle(); // the servers keep the loop alive until shutdown
    loop.run();
    host.loopEnded();
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        log.node("warn", "closing " + c + ": " + e);
      }
    }
    watchdog.close();
    telemetry.close();
    host.close();
    poolControl.close();
    pool.close();
    log.close();
    return exitCode.get();
  }

  private void afterDrained(Frontends frontends) {
    if (config.afterDrain() == AfterDrain.wait) {
      log.node("info", "drained at the control plane's request; not ready, waiting for SIGTERM");
      return;
    }
    stopping.set(true);
    frontends.shutdown(Duration.ZERO);
    loop.submit(loop::stop);
  }

  private NodeMessage.Hello hello(Frontends frontends) {
    String advertised = config.host().equals("0.0.0.0") ? localAddress() : config.host();
    return NodeMessage.Hello.newBuilder()
        .setNodeId(config.nodeId())
        .setPool(config.pool())
        .setHttpAddress(advertised + ":" + frontends.http().port())
        .setGrpcAddress(advertised + ":" + frontends.grpc().port())
        .setCapacity(
            NodeCapacity.newBuilder()
                .setCpus(Runtime.getRuntime().availableProcessors())
                .setBlockingPoolSize(config.poolTuning().size())
                .setMemoryBytes(Runtime.getRuntime().maxMemory()))
        .setRuntime(
            RuntimeInfo.newBuilder()
                .setLoopdVersion(
                    ServingNode.class.getPackage().getImplementationVersion() == null
                        ? "dev"
                        : ServingNode.class.getPackage().getImplementationVersion())
                .setJsEngineVersion(JsRuntime.engineImplementation())
                .setJavaVersion(Runtime.version().toString()))
        .build();
  }

  /** The address other machines reach this one at (the pod IP in Kubernetes). */
  private static String localAddress() {
    String podIp = System.getenv("POD_IP");
    if (podIp != null && !podIp.isBlank()) return podIp;
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  /** Loads the --handler files, then reports ready (or stops the node when one fails). */
  private void loadStartupHandlers(
      HandlerHost host, Telemetry telemetry, MemoryReducer memoryReducer) {
    List<CompletableFuture<?>> loads = new ArrayList<>();
    for (var e : config.handlerFiles().entrySet()) {
      String source;
      try {
        source = Files.readString(e.getValue());
      } catch (IOException io) {
        fail("--handler " + e.getKey() + ": cannot read " + e.getValue() + ": " + io);
        return;
      }
      HandlerSpec spec =
          HandlerSpec.newBuilder()
              .setName(e.getKey())
              .setTenant(config.tenant())
              .setVersion("file")
              .setSource(source)
              .build();
      loads.add(
          host.load(spec)
              .exceptionally(error -> {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                String why =
                    cause instanceof StatusRuntimeException s
                        ? s.getStatus().getDescription()
                        : cause.toString();
                fail("--handler " + e.getKey() + "=" + e.getValue() + ": " + why);
                return null;
              }));
    }
    try {
      CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      fail("loading the --handler files did not finish: " + e);
      return;
    }
    if (stopping.get()) return;
    long warmStart = System.nanoTime();
    try {
      host.warmUp(WARM_UP_CALLS).get(2, TimeUnit.MINUTES);
      log.node(
          "info",
          "warmed up the invocation path in "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - warmStart)
              + " ms");
    } catch (Exception e) {
      log.node("warn", "warm-up failed (serving anyway): " + e);
    }
    // Warm-up and loading leave the old generation full of compiler garbage: collect it once now,
    // so an idle node gives that memory back (bin/loop-node sizes the heap to shrink).
    System.gc();
    // Lag, task durations and stats windows count from here: loading and warming up run ~2,000
    // tasks and block the loop for seconds (the compiler at work), and a node's histograms should
    // describe it serving. Counted from the start, a node that had served nothing showed 81 of its
    // first 764 lag samples over 100 ms in /metrics.
    loop.submit(telemetry::start);
    // From now on, whatever a busy spell leaves in the old generation goes back once it is over.
    if (memoryReducer != null) memoryReducer.start(MEMORY_REDUCER_PERIOD);
    if (config.controlPlane() == null) host.markReady();
    // A pool's node says Hello only now, warmed up: the control plane counts a node's ELU and
    // lag from its first Ready, and routes to it at once.
    if (session != null && !stopping.get()) session.start();
    log.node("info", "ready: " + host.list().getHandlersCount() + " handlers loaded");
  }

  private void fail(String message) {
    log.node("error", message);
    exitCode.compareAndSet(0, 1);
    stopping.set(true);
    loop.submit(loop::stop);
  }

  /** SIGTERM: stop taking work, let in-flight invocations finish within the grace period, exit. */
  private void shutdown(HandlerHost host, Frontends frontends, String why) {
    if (!stopping.compareAndSet(false, true)) return;
    Thread t =
        new Thread(
            () -> {
              log.node(
                  "info",
                  "draining on "
                      + why
                      + ": "
                      + host.inFlight()
                      + " in flight, grace period "
                      + config.gracePeriod().toMillis()
                      + " ms");
              var drained = host.drain(config.gracePeriod());
              var closed = frontends.shutdown(config.gracePeriod());
              long waitMs = config.gracePeriod().toMillis() + 5_000;
              try {
                var result = drained.get(waitMs, TimeUnit.MILLISECONDS);
                log.node(
                    "info",
                    "drained: "
                        + result.getCompleted()
                        + " completed, "
                        + result.getAbandoned()
                        + " abandoned");
                closed.get(waitMs, TimeUnit.MILLISECONDS);
              } catch (Exception e) {
                log.node("warn", "shutdown did not finish cleanly: " + e);
              }
              loop.submit(loop::stop);
            },
            "loopd-shutdown");
    t.start();
  }
}
