package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListPoolsRequest;
import dev.loopd.proto.control.v1.ListTenantsRequest;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Restarting the control API loses nothing it accepted. */
class RestartIT {

  @Test
  void aRestartKeepsEveryTenantPoolHandlerVersionAndToken() throws Exception {
    try (Platform platform = Platform.up()) {
      Platform.Stubs admin = platform.as(platform.adminToken());
      String tokenB =
          admin
              .tenants()
              .createTenant(CreateTenantRequest.newBuilder().setName("b").build())
              .getSecret();
      Platform.Stubs a = platform.tenant();
      Platform.Stubs b = platform.as(tokenB);
      b.pools()
          .createPool(
              CreatePoolRequest.newBuilder()
                  .setName("jobs")
                  .setSpec(PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(2))
                  .build());
      for (int v = 1; v <= 2; v++) {
        a.handlers()
            .submitHandler(
                SubmitHandlerRequest.newBuilder()
                    .setName("hello")
                    .setSource("export default () => 'a v" + v + "'")
                    .build());
        b.handlers()
            .submitHandler(
                SubmitHandlerRequest.newBuilder()
                    .setName("work")
                    .setPool("jobs")
                    .setSource("export default () => 'b v" + v + "'")
                    .build());
      }
      List<Tenant> tenantsBefore =
          admin.tenants().listTenants(ListTenantsRequest.getDefaultInstance()).getTenantsList();
      List<Pool> poolsBefore =
          b.pools().listPools(ListPoolsRequest.getDefaultInstance()).getPoolsList();
      HandlerVersion v1Before =
          a.handlers()
              .getHandlerVersion(
                  GetHandlerVersionRequest.newBuilder().setName("hello").setVersion("1").build());

      platform.restart();

      admin = platform.as(platform.adminToken());
      a = platform.tenant();
      b = platform.as(tokenB);
      assertThat(
              admin.tenants().listTenants(ListTenantsRequest.getDefaultInstance()).getTenantsList())
          .extracting(Tenant::getName)
          .containsExactlyElementsOf(tenantsBefore.stream().map(Tenant::getName).toList());
      assertThat(b.pools().listPools(ListPoolsRequest.getDefaultInstance()).getPoolsList())
          .extracting(p -> p.getName() + ":" + p.getSpec() + ":" + p.getGeneration())
          .containsExactlyElementsOf(
              poolsBefore.stream()
                  .map(p -> p.getName() + ":" + p.getSpec() + ":" + p.getGeneration())
                  .toList());
      assertThat(
              a.handlers()
                  .listHandlerVersions(
                      ListHandlerVersionsRequest.newBuilder().setName("hello").build())
                  .getVersionsList())
          .extracting(HandlerVersion::getVersion)
          .containsExactly("1", "2");
      assertThat(
              a.handlers()
                  .getHandlerVersion(
                      GetHandlerVersionRequest.newBuilder()
                          .setName("hello")
                          .setVersion("1")
                          .build()))
          .isEqualTo(v1Before);
      Platform.Stubs aAfter = a;
      platform.await(
          "a's hello to answer after the restart",
          Duration.ofSeconds(60),
          () ->
              aAfter
                  .invoke()
                  .withDeadlineAfter(30, TimeUnit.SECONDS)
                  .invoke(InvokeRequest.newBuilder().setHandler("hello").build())
                  .getBody()
                  .toStringUtf8()
                  .equals("a v2"));
    }
  }
}
