package dev.loopd.node.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.loopd.proto.node.v1.DrainRequest;
import dev.loopd.proto.node.v1.DrainResponse;
import dev.loopd.proto.node.v1.GetStatsRequest;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.LoadHandlerRequest;
import dev.loopd.proto.node.v1.NodeServiceGrpc;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.QueryParam;
import dev.loopd.proto.node.v1.WatchStatsRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcFrontendTest {

  private final FakeNodeCore core = new FakeNodeCore();
  private GrpcFrontend grpc;
  private ManagedChannel channel;
  private NodeServiceGrpc.NodeServiceBlockingStub node;

  @BeforeEach
  void start() {
    grpc =
        GrpcFrontend.start(
            core,
            GrpcFrontend.Options.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withHealthPollInterval(Duration.ofMillis(20)));
    channel = channel();
    node = NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    grpc.close();
  }

  @Test
  void invokeRoundTripsRequestAndResponse() throws Exception {
    InvokeRequest request =
        InvokeRequest.newBuilder()
            .setHandler("hello")
            .setMethod("POST")
            .setPath("/a/b")
            .addQuery(QueryParam.newBuilder().setName("x").setValue("1"))
            .addHeaders(Header.newBuilder().setName("content-type").setValue("text/plain"))
            .setBody(ByteString.copyFromUtf8("ping"))
            .setInvocationId("id-1")
            .build();

    InvokeResponse response = node.invoke(request);

    assertThat(core.invocations.poll(5, TimeUnit.SECONDS).request()).isEqualTo(request);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getBody().toStringUtf8()).isEqualTo("ping");
    assertThat(response.getHandlerVersion()).isEqualTo("7");
  }

  @Test
  void grpcDeadlineReachesTheCoreAsAbsoluteNanoTime() throws Exception {
    node.withDeadlineAfter(5, TimeUnit.SECONDS).invoke(invoke("/"));
    FakeNodeCore.Invocation withDeadline = core.invocations.poll(5, TimeUnit.SECONDS);
    long remaining = withDeadline.deadlineNanos() - withDeadline.receivedNanos();
    assertThat(remaining)
        .isGreaterThan(TimeUnit.SECONDS.toNanos(4))
        .isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));

    NodeServiceGrpc.newBlockingStub(channel).invoke(invoke("/"));
    assertThat(core.invocations.poll(5, TimeUnit.SECONDS).deadlineNanos())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void callerGivingUpCancelsTheCoresFuture() throws Exception {
    CompletableFuture<InvokeResponse> pending = new CompletableFuture<>();
    core.onInvoke = request -> pending;

    assertThatThrownBy(() -> node.withDeadlineAfter(200, TimeUnit.MILLISECONDS).invoke(invoke("/")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    await(pending::isCancelled);
  }

  @Test
  void invalidRequestsAreRejectedWithActionableMessages() {
    assertInvalid(() -> node.invoke(invoke("/").toBuilder().setMethod("").build()), "method");
    assertInvalid(() -> node.invoke(invoke("a/b")), "path must start with \"/\"");
    assertInvalid(() -> node.invoke(invoke("/").toBuilder().setHandler("").build()), "handler");
    assertInvalid(
        () ->
            node.drain(
                DrainRequest.newBuilder()
                    .setGracePeriod(com.google.protobuf.Duration.newBuilder().setSeconds(-1))
                    .build()),
        "grace_period must not be negative");
    assertInvalid(
        () ->
            node.loadHandler(
                LoadHandlerRequest.newBuilder()
                    .setHandler(HandlerSpec.newBuilder().setName("Bad_Name").setVersion("1"))
                    .build()),
        "DNS-1123");
    assertInvalid(
        () ->
            node.loadHandler(
                LoadHandlerRequest.newBuilder()
                    .setHandler(HandlerSpec.newBuilder().setName("ok"))
                    .build()),
        "version is required");
    assertThat(core.invocations).isEmpty();
    assertThat(core.loads).isEmpty();
    assertThat(core.drains).isEmpty();
  }

  @Test
  void coreStatusesPassThroughAndUnexpectedFailuresAreSanitized() {
    core.onInvoke =
        request ->
            CompletableFuture.failedFuture(
                Status.NOT_FOUND.withDescription("no handler named hello").asRuntimeException());
    assertThatThrownBy(() -> node.invoke(invoke("/")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo("no handler named hello");
            });

    core.onInvoke =
        request -> {
          throw new IllegalStateException("secret detail");
        };
    assertThatThrownBy(() -> node.invoke(invoke("/")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
              assertThat(e.getStatus().getDescription()).doesNotContain("secret");
            });
  }

  @Test
  void otherRpcsDelegateToTheCore() {
    assertThat(
            node.loadHandler(
                    LoadHandlerRequest.newBuilder()
                        .setHandler(HandlerSpec.newBuilder().setName("hello").setVersion("2"))
                        .build())
                .getHandler()
                .getName())
        .isEqualTo("hello");
    assertThat(core.loads).extracting(HandlerSpec::getVersion).containsExactly("2");

    assertThat(node.getStats(GetStatsRequest.getDefaultInstance()).getNodeId()).isEqualTo("fake");

    DrainResponse drained =
        node.drain(
            DrainRequest.newBuilder()
                .setGracePeriod(com.google.protobuf.Duration.newBuilder().setSeconds(2))
                .build());
    assertThat(drained.getCompleted()).isEqualTo(1);
    assertThat(core.drains).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void healthFollowsReadiness() {
    HealthGrpc.HealthBlockingStub health =
        HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    for (String service : List.of("", GrpcFrontend.SERVICE_NAME)) {
      assertThat(
              health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
          .isEqualTo(ServingStatus.SERVING);
    }

    core.ready = false;

    for (String service : List.of("", GrpcFrontend.SERVICE_NAME)) {
      await(() ->
          health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus()
              == ServingStatus.NOT_SERVING);
    }
  }

  @Test
  void reflectionListsTheServices() throws Exception {
    BlockingQueue<ServerReflectionResponse> responses = new LinkedBlockingQueue<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse value) {
                    responses.add(value);
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());

    ServerReflectionResponse response = responses.poll(5, TimeUnit.SECONDS);
    requests.onCompleted();

    assertThat(response.getListServicesResponse().getServiceList())
        .extracting(ServiceResponse::getName)
        .contains("loopd.node.v1.NodeService", "grpc.health.v1.Health");
  }

  @Test
  void watchStatsSendsLatestThenEachWindowUntilCancelled() throws Exception {
    BlockingQueue<NodeStats> received = new LinkedBlockingQueue<>();
    CompletableFuture<ClientCallStreamObserver<WatchStatsRequest>> call = new CompletableFuture<>();
    NodeServiceGrpc.newStub(channel)
        .watchStats(WatchStatsRequest.getDefaultInstance(), collector(received, call, null));

    assertThat(received.poll(5, TimeUnit.SECONDS).getNodeId()).isEqualTo("fake");
    await(() -> !core.statsListeners.isEmpty());
    core.emit(NodeStats.newBuilder().setNodeId("w1").build());
    core.emit(NodeStats.newBuilder().setNodeId("w2").build());
    assertThat(received.poll(5, TimeUnit.SECONDS).getNodeId()).isEqualTo("w1");
    assertThat(received.poll(5, TimeUnit.SECONDS).getNodeId()).isEqualTo("w2");

    call.get(5, TimeUnit.SECONDS).cancel("done watching", null);

    await(core.statsListeners::isEmpty);
  }

  @Test
  void closingEndsWatchStatsWithUnavailable() throws Exception {
    BlockingQueue<NodeStats> received = new LinkedBlockingQueue<>();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    NodeServiceGrpc.newStub(channel)
        .watchStats(
            WatchStatsRequest.getDefaultInstance(),
            collector(received, new CompletableFuture<>(), ended));
    assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();

    grpc.closeGracefully(Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);

    assertThat(Status.fromThrowable(ended.get(5, TimeUnit.SECONDS)).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(core.statsListeners).isEmpty();
  }

  @Test
  void gracefulCloseFinishesInFlightAndRefusesNewCalls() throws Exception {
    CompletableFuture<InvokeResponse> slow = new CompletableFuture<>();
    core.onInvoke = request -> slow;
    CompletableFuture<InvokeResponse> inFlight =
        CompletableFuture.supplyAsync(() -> node.invoke(invoke("/slow")));
    assertThat(core.invocations.poll(5, TimeUnit.SECONDS)).isNotNull();

    CompletableFuture<Void> closed = grpc.closeGracefully(Duration.ofSeconds(10));

    ManagedChannel fresh = channel();
    try {
      assertThatThrownBy(() ->
              NodeServiceGrpc.newBlockingStub(fresh)
                  .withDeadlineAfter(5, TimeUnit.SECONDS)
                  .invoke(invoke("/")))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    } finally {
      fresh.shutdownNow();
    }
    assertThat(closed).isNotDone();

    slow.complete(InvokeResponse.newBuilder().setStatus(204).build());

    assertThat(inFlight.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(204);
    closed.get(5, TimeUnit.SECONDS);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private ManagedChannel channel() {
    return NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
  }

  private static InvokeRequest invoke(String path) {
    return InvokeRequest.newBuilder().setHandler("hello").setMethod("GET").setPath(path).build();
  }

  private static void assertInvalid(Runnable call, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).contains(messagePart);
            });
  }

  private static ClientResponseObserver<WatchStatsRequest, NodeStats> collector(
      BlockingQueue<NodeStats> received,
      CompletableFuture<ClientCallStreamObserver<WatchStatsRequest>> call,
      CompletableFuture<Throwable> ended) {
    return new ClientResponseObserver<>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<WatchStatsRequest> requestStream) {
        call.complete(requestStream);
      }

      @Override
      public void onNext(NodeStats value) {
        received.add(value);
      }

      @Override
      public void onError(Throwable t) {
        if (ended != null) {
          ended.complete(t);
        }
      }

      @Override
      public void onCompleted() {
        if (ended != null) {
          ended.complete(null);
        }
      }
    };
  }

  private static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 5 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
