package dev.loopd.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Timestamps;
import dev.loopd.operator.store.StoreException;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.node.v1.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

  @TempDir Path dir;

  private static final Tenant ACME =
      Tenant.newBuilder()
          .setName("acme")
          .setQuotas(Quotas.newBuilder().setMaxHandlers(7).setMaxPools(3).setMaxNodes(9))
          .setCreateTime(Timestamps.fromSeconds(1_700_000_000))
          .build();

  private static final TokenRecord TOKEN =
      new TokenRecord(
          "abcdefghijkl", "acme", false, "00ff", "ci token", Instant.parse("2026-11-23T07:00:00Z"));

  private static Pool pool(String tenant, String name, int maxNodes) {
    return Pool.newBuilder()
        .setTenant(tenant)
        .setName(name)
        .setSpec(PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(maxNodes))
        .setGeneration(2)
        .build();
  }

  private static HandlerVersion version(String v, String source) {
    return HandlerVersion.newBuilder()
        .setVersion(v)
        .setSourceSha256("sha-" + v)
        .setSourceSizeBytes(source.length())
        .setLimits(Limits.newBuilder().setCpuBudgetMs(250))
        .setSource(source)
        .build();
  }

  private static Handler handler(String name, String active, String latest) {
    return Handler.newBuilder()
        .setTenant("acme")
        .setName(name)
        .setPool("default")
        .setActiveVersion(active)
        .setLatestVersion(latest)
        .build();
  }

  @Test
  void everyKindSurvivesReopen() {
    FileStore store = FileStore.open(dir);
    store.putTenant(ACME);
    store.putToken(TOKEN);
    store.putPool(pool("acme", "default", 4));
    HandlerVersion v1 = version("1", "export default async () => new Response('1')");
    HandlerVersion v2 = version("2", "export default async () => new Response('2')");
    store.putHandler(handler("hello", "1", "1"), v1);
    store.putHandler(handler("hello", "2", "2"), v2);
    // Ten versions sort numerically on reload, not as strings ("10" after "9").
    for (int i = 3; i <= 10; i++) {
      store.putHandler(handler("many", "" + i, "" + i), version("" + i, "x" + i));
    }

    FileStore reopened = FileStore.open(dir);

    assertThat(reopened.tenants()).containsExactly(ACME);
    assertThat(reopened.tokens()).containsExactly(TOKEN);
    assertThat(reopened.pools("acme")).containsExactly(pool("acme", "default", 4));
    assertThat(reopened.handler("acme", "hello")).contains(handler("hello", "2", "2"));
    assertThat(reopened.versions("acme", "hello")).containsExactly(v1, v2);
    assertThat(reopened.versions("acme", "many"))
        .extracting(HandlerVersion::getVersion)
        .containsExactly("3", "4", "5", "6", "7", "8", "9", "10");
  }

  @Test
  void deletesRemoveTheFilesAndDoNotComeBack() {
    FileStore store = FileStore.open(dir);
    store.putTenant(ACME);
    store.putToken(TOKEN);
    store.putPool(pool("acme", "default", 4));
    store.putHandler(handler("hello", "1", "1"), version("1", "a"));

    store.deleteHandler("acme", "hello");
    store.deletePool("acme", "default");
    store.deleteTenant("acme");

    assertThat(dir.resolve("handlers/acme/hello")).doesNotExist();
    assertThat(dir.resolve("pools/acme/default.json")).doesNotExist();
    assertThat(dir.resolve("tokens/abcdefghijkl.json")).doesNotExist();
    FileStore reopened = FileStore.open(dir);
    assertThat(reopened.tenants()).isEmpty();
    assertThat(reopened.tokens()).isEmpty();
    assertThat(reopened.allPools()).isEmpty();
    assertThat(reopened.handlers("acme")).isEmpty();
    assertThat(reopened.versions("acme", "hello")).isEmpty();
  }

  @Test
  void filesAreReadableByTheOwnerOnly() throws Exception {
    Path data = dir.resolve("data");
    FileStore store = FileStore.open(data);
    store.putToken(TOKEN);
    store.putHandler(handler("hello", "1", "1"), version("1", "secret source"));

    assertThat(Files.getPosixFilePermissions(data))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    for (Path f :
        List.of(
            data.resolve("tokens/abcdefghijkl.json"),
            data.resolve("handlers/acme/hello/handler.json"),
            data.resolve("handlers/acme/hello/versions/1.json"))) {
      assertThat(Files.getPosixFilePermissions(f))
          .as(f.toString())
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    assertThat(Files.readString(data.resolve("tokens/abcdefghijkl.json")))
        .contains("00ff")
        .doesNotContain("loopd_");
  }

  @Test
  void aFailedPersistThrowsAndLeavesTheStoreUnchanged() throws Exception {
    FileStore store = FileStore.open(dir);
    store.putPool(pool("acme", "default", 4));
    // The tests run as root, for whom a read-only directory is writable: block the pools
    // directory of tenant "beta" with a regular file instead, so creating it fails.
    Files.createDirectories(dir.resolve("pools"));
    Files.writeString(dir.resolve("pools/beta"), "in the way");

    assertThatThrownBy(() -> store.putPool(pool("beta", "web", 2)))
        .isInstanceOf(StoreException.class);

    assertThat(store.pool("beta", "web")).isEmpty();
    assertThat(store.allPools()).containsExactly(pool("acme", "default", 4));
  }

  @Test
  void aFailedHandlerWriteKeepsTheOldVersionsVisible() throws Exception {
    FileStore store = FileStore.open(dir);
    store.putHandler(handler("hello", "1", "1"), version("1", "a"));
    // handler.json cannot be replaced while a directory sits at its temp file's path.
    Files.createDirectories(dir.resolve("handlers/acme/hello/handler.json.tmp/x"));

    assertThatThrownBy(() -> store.putHandler(handler("hello", "2", "2"), version("2", "b")))
        .isInstanceOf(StoreException.class);

    assertThat(store.handler("acme", "hello")).contains(handler("hello", "1", "1"));
    assertThat(store.versions("acme", "hello"))
        .extracting(HandlerVersion::getVersion)
        .containsExactly("1");
    assertThat(dir.resolve("handlers/acme/hello/versions/2.json")).doesNotExist();
  }

  @Test
  void aVersionFileAboveTheLatestVersionIsIgnoredOnOpen() throws Exception {
    FileStore store = FileStore.open(dir);
    store.putHandler(handler("hello", "1", "1"), version("1", "a"));
    // What a crash between writing a new version and its handler.json leaves behind.
    Files.writeString(dir.resolve("handlers/acme/hello/versions/2.json"), "{\"version\": \"2\"}");

    FileStore reopened = FileStore.open(dir);

    assertThat(reopened.versions("acme", "hello"))
        .extracting(HandlerVersion::getVersion)
        .containsExactly("1");
    reopened.putHandler(handler("hello", "2", "2"), version("2", "b"));
    assertThat(FileStore.open(dir).version("acme", "hello", "2").orElseThrow().getSource())
        .isEqualTo("b");
  }

  @Test
  void aCorruptFileFailsOpenNamingTheFile() throws Exception {
    FileStore.open(dir).putPool(pool("acme", "default", 4));
    Path file = dir.resolve("pools/acme/default.json");
    Files.writeString(file, "{\"name\": \"default\", \"spec\": ");

    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aCorruptTokenFailsOpenNamingTheFile() throws Exception {
    Files.createDirectories(dir.resolve("tokens"));
    Path file = dir.resolve("tokens/abc.json");
    Files.writeString(file, "{\"id\": \"abc\"}");

    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void leftoverTempFilesAreIgnored() throws Exception {
    FileStore.open(dir).putTenant(ACME);
    // A crash between writing a temp file and renaming it leaves these behind.
    Files.writeString(dir.resolve("tenants/acme.json.tmp"), "{\"name\": \"acme\", \"quo");
    Files.writeString(dir.resolve("tenants/other.json.tmp"), "{\"name\": \"other\"}");

    FileStore reopened = FileStore.open(dir);

    assertThat(reopened.tenants()).containsExactly(ACME);
    reopened.putTenant(ACME.toBuilder().setQuotas(Quotas.getDefaultInstance()).build());
    assertThat(FileStore.open(dir).tenant("acme").orElseThrow().getQuotas())
        .isEqualTo(Quotas.getDefaultInstance());
  }

  @Test
  void concurrentWritesFromEightThreadsAllLand() throws Exception {
    FileStore store = FileStore.open(dir);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            threads.submit(() -> {
              for (int i = 0; i < 25; i++) {
                store.putPool(pool("t" + thread, "p" + i, 1));
                store.putHandler(
                    handler("h" + thread + "-" + i, "1", "1").toBuilder()
                        .setTenant("t" + thread)
                        .build(),
                    version("1", "src " + thread + " " + i));
              }
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }

    FileStore reopened = FileStore.open(dir);
    assertThat(reopened.allPools()).hasSize(200);
    for (int t = 0; t < 8; t++) {
      assertThat(reopened.handlers("t" + t)).hasSize(25);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
