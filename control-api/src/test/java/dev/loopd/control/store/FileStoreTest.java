package dev.loopd.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.operator.store.StoreException;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store: everything accepted is on disk, atomically, and comes back on reopen. */
class FileStoreTest {

  @TempDir Path dir;

  static Handler handler(String name, String version) {
    return Handler.newBuilder()
        .setTenant("t")
        .setName(name)
        .setPool("default")
        .setActiveVersion(version)
        .setLatestVersion(version)
        .build();
  }

  static HandlerVersion version(String v, String source) {
    return HandlerVersion.newBuilder().setVersion(v).setSource(source).build();
  }

  @Test
  void everyKindOfObjectSurvivesAReopen() {
    FileStore store = FileStore.open(dir);
    store.putTenant(Tenant.newBuilder().setName("t").build());
    TokenRecord token =
        new TokenRecord("abc", "t", false, "ff00", "ci", Instant.parse("2026-01-01T00:00:00Z"));
    store.putToken(token);
    store.putPool(
        Pool.newBuilder()
            .setTenant("t")
            .setName("web")
            .setSpec(PoolSpec.newBuilder().setMaxNodes(3))
            .setGeneration(2)
            .build());
    for (int v = 1; v <= 11; v++) {
      store.putHandler(
          handler("h", Integer.toString(v)),
          version(Integer.toString(v), "export default () => " + v));
    }
    store.putHandler(handler("gone", "1"), version("1", "x"));
    store.deleteHandler("t", "gone");

    FileStore again = FileStore.open(dir);
    assertThat(again.tenant("t")).isPresent();
    assertThat(again.token("abc")).contains(token);
    assertThat(again.pool("t", "web").orElseThrow().getGeneration()).isEqualTo(2);
    assertThat(again.handler("t", "h").orElseThrow().getActiveVersion()).isEqualTo("11");
    assertThat(again.versions("t", "h"))
        .extracting(HandlerVersion::getVersion)
        .as("in numeric order, 10 after 9")
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    assertThat(again.version("t", "h", "3").orElseThrow().getSource())
        .isEqualTo("export default () => 3");
    assertThat(again.handler("t", "gone")).isEmpty();
    assertThat(Files.exists(dir.resolve("handlers/t/gone"))).isFalse();
  }

  @Test
  void filesAreReadableOnlyByTheOwner() throws Exception {
    FileStore.open(dir).putToken(new TokenRecord("abc", "t", false, "ff00", "", Instant.now()));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("tokens/abc.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aWriteThatCannotBeMadeDurableChangesNothing() throws Exception {
    FileStore store = FileStore.open(dir);
    // A file where the tenants directory should be: every tenant write fails (as a full or
    // read-only disk would; file permissions do not stop root, who runs CI here).
    Files.writeString(dir.resolve("tenants"), "in the way");
    assertThatThrownBy(() -> store.putTenant(Tenant.newBuilder().setName("u").build()))
        .isInstanceOf(StoreException.class);
    assertThat(store.tenant("u")).isEmpty();
  }

  @Test
  void aTempFileLeftByACrashIsIgnoredAndACorruptFileIsNamed() throws Exception {
    FileStore.open(dir).putTenant(Tenant.newBuilder().setName("t").build());
    Files.writeString(dir.resolve("tenants/u.json.tmp"), "{\"name\": \"half");
    assertThat(FileStore.open(dir).tenants()).extracting(Tenant::getName).containsExactly("t");

    Files.writeString(dir.resolve("tenants/v.json"), "{not json");
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("tenants/v.json");
  }

  @Test
  void concurrentWritesAllLand() throws Exception {
    FileStore store = FileStore.open(dir);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int id = t;
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 20; i++) {
                  store.putPool(
                      Pool.newBuilder().setTenant("t").setName("p" + id + "-" + i).build());
                }
              }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(FileStore.open(dir).pools("t")).hasSize(160);
  }
}
