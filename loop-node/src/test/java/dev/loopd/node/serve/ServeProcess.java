package dev.loopd.node.serve;

import dev.loopd.node.LoopNodeProcess;
import dev.loopd.proto.node.v1.NodeServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code bin/loop-node serve} process on ephemeral ports, for integration tests: its log
 * lines, an HTTP client and a gRPC channel to it, and SIGTERM.
 */
public final class ServeProcess implements AutoCloseable {
  private static final Pattern PORTS = Pattern.compile("http port (\\d+), grpc port (\\d+)");

  public final Process process;
  public final List<String> lines;
  public final int httpPort;
  public final int grpcPort;
  public final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ManagedChannel channel;

  private final Thread reader;

  private ServeProcess(
      Process process, Thread reader, List<String> lines, int httpPort, int grpcPort) {
    this.process = process;
    this.reader = reader;
    this.lines = lines;
    this.httpPort = httpPort;
    this.grpcPort = grpcPort;
  }

  /** Starts {@code serve} with these extra arguments and waits until it listens. */
  public static ServeProcess start(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LoopNodeProcess.launcher().toString());
    command.add("serve");
    command.add("--http-port=0");
    command.add("--grpc-port=0");
    command.add("--host=127.0.0.1");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    int[] ports = {-1, -1};
    Object lock = new Object();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  Matcher m = PORTS.matcher(line);
                  if (m.find()) {
                    synchronized (lock) {
                      ports[0] = Integer.parseInt(m.group(1));
                      ports[1] = Integer.parseInt(m.group(2));
                      lock.notifyAll();
                    }
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              synchronized (lock) {
                lock.notifyAll();
              }
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    synchronized (lock) {
      while (ports[0] < 0 && p.isAlive() && System.nanoTime() < until) lock.wait(200);
    }
    if (ports[0] < 0) {
      p.destroyForcibly();
      throw new AssertionError(
          "serve did not start listening; output:\n" + String.join("\n", lines));
    }
    return new ServeProcess(p, reader, lines, ports[0], ports[1]);
  }

  /** Waits until /healthz/ready answers 200. */
  public ServeProcess awaitReady() throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) throw new AssertionError("serve exited:\n" + output());
      try {
        if (get("/healthz/ready").statusCode() == 200) return this;
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve never became ready:\n" + output());
  }

  public String output() {
    return String.join("\n", lines);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public synchronized NodeServiceGrpc.NodeServiceBlockingStub grpc() {
    if (channel == null) {
      channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }
    return NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  public synchronized ManagedChannel channel() {
    grpc();
    return channel;
  }

  /** Sends SIGTERM and returns the exit code. */
  public int terminate(Duration wait) throws Exception {
    // SIGTERM through the handle: Process.destroy() would also close our end of its stdout, and
    // what the node prints while draining would be lost.
    process.toHandle().destroy();
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("serve did not exit after SIGTERM:\n" + output());
    }
    reader.join(5000); // everything it printed is in lines
    return process.exitValue();
  }

  @Override
  public void close() {
    if (channel != null) channel.shutdownNow();
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
