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
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Restarting the control API loses nothing it accepted. */
@ExtendWith(PlatformLogsOnFailure.class)
class RestartIT {

  @Test
  void aRestartKeepsEveryTenantPoolHandlerVersionAndToken() throws Exception {
    try (Platform platform = Platform.up()) {
      String adminToken = platform.adminToken();
      String tokenA = platform.tenantToken();
      Platform.Stubs admin = platform.as(adminToken);
      String tokenB =
          admin
              .tenants()
              .createTenant(CreateTenantRequest.newBuilder().setName("b").build())
              .getSecret();
      Platform.Stubs a = platform.as(tokenA);
      Platform.Stubs b = platform.as(tokenB);
      for (Platform.Stubs t : List.of(a, b)) {
        t.pools()
            .createPool(
                CreatePoolRequest.newBuilder()
                    .setName("jobs")
                    .setSpec(PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(2))
                    .build());
      }
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
      List<String> tenantsBefore = tenantNames(admin);
      Snapshot aBefore = Snapshot.of(a, "hello");
      Snapshot bBefore = Snapshot.of(b, "work");
      assertThat(aBefore.sources()).hasSize(2);
      assertThat(bBefore.sources()).hasSize(2);

      platform.restart();

      // The tokens read before the restart, not re-read from the data directory.
      admin = platform.as(adminToken);
      a = platform.as(tokenA);
      b = platform.as(tokenB);
      assertThat(tenantNames(admin)).containsExactlyElementsOf(tenantsBefore).contains("b");
      assertThat(Snapshot.of(a, "hello")).isEqualTo(aBefore);
      assertThat(Snapshot.of(b, "work")).isEqualTo(bBefore);
      assertThat(b.tenants().whoAmI(WhoAmIRequest.getDefaultInstance()).getTenant()).isEqualTo("b");

      for (var check : List.of(new Answer(a, "hello", "a v2"), new Answer(b, "work", "b v2"))) {
        platform.await(
            check.handler() + " to answer after the restart",
            Duration.ofSeconds(60),
            () ->
                check
                    .tenant()
                    .invoke()
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .invoke(InvokeRequest.newBuilder().setHandler(check.handler()).build())
                    .getBody()
                    .toStringUtf8()
                    .equals(check.body()));
      }
    }
  }

  private record Answer(Platform.Stubs tenant, String handler, String body) {}

  private static List<String> tenantNames(Platform.Stubs admin) {
    return admin
        .tenants()
        .listTenants(ListTenantsRequest.getDefaultInstance())
        .getTenantsList()
        .stream()
        .map(Tenant::getName)
        .toList();
  }

  /** What a tenant stored: its pools (spec, generation) and one handler's versions with sources. */
  private record Snapshot(List<String> pools, String activeVersion, List<HandlerVersion> sources) {

    static Snapshot of(Platform.Stubs t, String handler) {
      List<String> pools =
          t.pools().listPools(ListPoolsRequest.getDefaultInstance()).getPoolsList().stream()
              .map(p -> p.getName() + " " + p.getGeneration() + " " + p.getSpec())
              .toList();
      var versions =
          t.handlers()
              .listHandlerVersions(
                  ListHandlerVersionsRequest.newBuilder().setName(handler).build());
      List<HandlerVersion> sources =
          versions.getVersionsList().stream()
              .map(v ->
                  t.handlers()
                      .getHandlerVersion(
                          GetHandlerVersionRequest.newBuilder()
                              .setName(handler)
                              .setVersion(v.getVersion())
                              .build()))
              .toList();
      return new Snapshot(pools, versions.getActiveVersion(), sources);
    }
  }
}
