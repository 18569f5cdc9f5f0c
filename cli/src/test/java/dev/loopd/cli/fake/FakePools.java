package dev.loopd.cli.fake;

import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.DeletePoolResponse;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.ListPoolsRequest;
import dev.loopd.proto.control.v1.ListPoolsResponse;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.UpdatePoolRequest;
import io.grpc.stub.StreamObserver;

/**
 * Test double of PoolService: keeps the last spec written per the request and answers with it. Not
 * the real service (no validation, no defaults).
 */
public final class FakePools extends PoolServiceGrpc.PoolServiceImplBase {
  public final Calls calls = new Calls();
  public volatile Pool pool = Pool.newBuilder().setName("web").setGeneration(1).build();

  @Override
  public void createPool(CreatePoolRequest r, StreamObserver<Pool> o) {
    calls.answer(r, pool.toBuilder().setName(r.getName()).setSpec(r.getSpec()).build(), o);
  }

  @Override
  public void updatePool(UpdatePoolRequest r, StreamObserver<Pool> o) {
    calls.answer(
        r,
        pool.toBuilder().setSpec(r.getSpec()).setGeneration(pool.getGeneration() + 1).build(),
        o);
  }

  @Override
  public void getPool(GetPoolRequest r, StreamObserver<Pool> o) {
    calls.answer(r, pool, o);
  }

  @Override
  public void listPools(ListPoolsRequest r, StreamObserver<ListPoolsResponse> o) {
    calls.answer(r, ListPoolsResponse.newBuilder().addPools(pool).build(), o);
  }

  @Override
  public void scalePool(ScalePoolRequest r, StreamObserver<Pool> o) {
    calls.answer(r, pool, o);
  }

  @Override
  public void deletePool(DeletePoolRequest r, StreamObserver<DeletePoolResponse> o) {
    calls.answer(r, DeletePoolResponse.getDefaultInstance(), o);
  }
}
