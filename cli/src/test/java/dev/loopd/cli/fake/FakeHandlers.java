package dev.loopd.cli.fake;

import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.DeleteHandlerResponse;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListHandlerVersionsResponse;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.ListHandlersResponse;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import io.grpc.stub.StreamObserver;

/** Test double of HandlerService: canned answers, recorded requests. Not the real service. */
public final class FakeHandlers extends HandlerServiceGrpc.HandlerServiceImplBase {
  public final Calls calls = new Calls();
  public volatile SubmitHandlerResponse submitted =
      SubmitHandlerResponse.newBuilder()
          .setHandler(
              Handler.newBuilder().setName("hello").setPool("default").setActiveVersion("3"))
          .setVersion(HandlerVersion.newBuilder().setVersion("3"))
          .setCreated(true)
          .build();
  public volatile Handler handler =
      Handler.newBuilder()
          .setName("hello")
          .setPool("default")
          .setActiveVersion("2")
          .setLatestVersion("3")
          .build();
  public volatile ListHandlersResponse list = ListHandlersResponse.getDefaultInstance();
  public volatile HandlerVersion version =
      HandlerVersion.newBuilder()
          .setVersion("2")
          .setSource("export default async () => new Response('hi')\n")
          .build();

  @Override
  public void submitHandler(SubmitHandlerRequest r, StreamObserver<SubmitHandlerResponse> o) {
    calls.answer(r, submitted, o);
  }

  @Override
  public void getHandler(GetHandlerRequest r, StreamObserver<Handler> o) {
    calls.answer(r, handler, o);
  }

  @Override
  public void listHandlers(ListHandlersRequest r, StreamObserver<ListHandlersResponse> o) {
    calls.answer(r, list, o);
  }

  @Override
  public void listHandlerVersions(
      ListHandlerVersionsRequest r, StreamObserver<ListHandlerVersionsResponse> o) {
    calls.answer(
        r,
        ListHandlerVersionsResponse.newBuilder().addVersions(version).setActiveVersion("2").build(),
        o);
  }

  @Override
  public void getHandlerVersion(GetHandlerVersionRequest r, StreamObserver<HandlerVersion> o) {
    calls.answer(r, version, o);
  }

  @Override
  public void rollbackHandler(RollbackHandlerRequest r, StreamObserver<Handler> o) {
    calls.answer(r, handler, o);
  }

  @Override
  public void deleteHandler(DeleteHandlerRequest r, StreamObserver<DeleteHandlerResponse> o) {
    calls.answer(r, DeleteHandlerResponse.getDefaultInstance(), o);
  }
}
