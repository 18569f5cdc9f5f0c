package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.CreateTokenRequest;
import dev.loopd.proto.control.v1.RevokeTokenRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsCommandTest {
  @TempDir Path home;
  FakeControlPlane api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeControlPlane(home);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createSendsQuotasAndPrintsTheTokenSecret() {
    var r =
        api.run(
            "tenants",
            "create",
            "acme",
            "--max-handlers",
            "5",
            "--max-pools",
            "2",
            "--max-nodes",
            "4");
    assertThat(r.status()).as(r.toString()).isZero();
    var sent = api.tenants.calls.last(CreateTenantRequest.class);
    assertThat(sent.getName()).isEqualTo("acme");
    assertThat(sent.getQuotas().getMaxHandlers()).isEqualTo(5);
    assertThat(sent.getQuotas().getMaxPools()).isEqualTo(2);
    assertThat(sent.getQuotas().getMaxNodes()).isEqualTo(4);
    assertThat(r.out()).contains("loopd_t2_s3cret");
  }

  @Test
  void tokensCreateListRevoke() {
    var created = api.run("tokens", "create", "--description", "ci", "--tenant", "acme");
    assertThat(api.tenants.calls.last(CreateTokenRequest.class).getDescription()).isEqualTo("ci");
    assertThat(created.out()).contains("loopd_t9_secret");
    assertThat(api.run("tokens", "list").out()).containsPattern("loopd_t1\\s+acme\\s+no");
    api.run("tokens", "revoke", "loopd_t1");
    assertThat(api.tenants.calls.last(RevokeTokenRequest.class).getId()).isEqualTo("loopd_t1");
  }
}
