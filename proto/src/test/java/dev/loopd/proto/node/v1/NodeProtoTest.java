package dev.loopd.proto.node.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated code compiles, links against the runtime, and carries the contract's shapes. */
class NodeProtoTest {

  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.shutdownNow();
    }
  }

  @Test
  void nodeStatsRoundTripsThroughBytes() throws Exception {
    NodeStats stats =
        NodeStats.newBuilder()
            .setNodeId("pool-a-0")
            .setPool("pool-a")
            .setInterval(Duration.newBuilder().setSeconds(1))
            .setLoopLag(LoopLagStats.newBuilder().setP99Seconds(0.012).setSampleCount(100))
            .setElu(0.42)
            .setBlockingPool(BlockingPoolStats.newBuilder().setSize(4).setUtilization(0.5))
            .addInvocations(
                InvocationCount.newBuilder()
                    .setHandler("hello")
                    .setOutcome(InvocationOutcome.INVOCATION_OUTCOME_OK)
                    .setCountTotal(7))
            .setHandlerSetVersion(3)
            .setReady(true)
            .build();

    assertThat(NodeStats.parseFrom(stats.toByteArray())).isEqualTo(stats);
  }

  @Test
  void sessionEnvelopesCarryOneMessageEach() {
    NodeMessage hello =
        NodeMessage.newBuilder()
            .setSequence(1)
            .setHello(NodeMessage.Hello.newBuilder().setNodeId("n1").setPool("pool-a"))
            .build();
    ControlMessage change =
        ControlMessage.newBuilder()
            .setHandlerChange(
                ControlMessage.HandlerChange.newBuilder().setVersion(2).setRemove("x"))
            .build();

    assertThat(hello.getMessageCase()).isEqualTo(NodeMessage.MessageCase.HELLO);
    assertThat(change.getHandlerChange().getChangeCase())
        .isEqualTo(ControlMessage.HandlerChange.ChangeCase.REMOVE);
  }

  @Test
  void rpcShapesMatchTheContract() {
    assertThat(NodeServiceGrpc.getInvokeMethod().getType()).isEqualTo(MethodType.UNARY);
    assertThat(NodeServiceGrpc.getWatchStatsMethod().getType())
        .isEqualTo(MethodType.SERVER_STREAMING);
    assertThat(NodeSessionServiceGrpc.getSessionMethod().getType())
        .isEqualTo(MethodType.BIDI_STREAMING);
    assertThat(NodeServiceGrpc.getInvokeMethod().getFullMethodName())
        .isEqualTo("loopd.node.v1.NodeService/Invoke");
  }

  @Test
  void syntaxErrorReachesTheCallerAsSourceErrorDetail() throws Exception {
    SourceError syntax =
        SourceError.newBuilder()
            .setKind(SourceError.Kind.KIND_SYNTAX)
            .setLine(3)
            .setColumn(14)
            .setMessage("Expected ; but found x")
            .build();
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                new NodeServiceGrpc.NodeServiceImplBase() {
                  @Override
                  public void loadHandler(
                      LoadHandlerRequest request, StreamObserver<LoadHandlerResponse> response) {
                    response.onError(
                        StatusProto.toStatusRuntimeException(
                            com.google.rpc.Status.newBuilder()
                                .setCode(Code.INVALID_ARGUMENT_VALUE)
                                .setMessage("hello@1: syntax error at 3:14")
                                .addDetails(Any.pack(syntax))
                                .build()));
                  }
                })
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    var stub = NodeServiceGrpc.newBlockingStub(channel);
    LoadHandlerRequest request =
        LoadHandlerRequest.newBuilder()
            .setHandler(HandlerSpec.newBuilder().setName("hello").setVersion("1"))
            .build();

    assertThatThrownBy(() -> stub.loadHandler(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              com.google.rpc.Status status = StatusProto.fromThrowable(e);
              assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
              assertThat(status.getDetailsList()).hasSize(1);
              try {
                assertThat(status.getDetails(0).unpack(SourceError.class)).isEqualTo(syntax);
              } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
              }
            });
  }
}
