package dev.loopd.control.local;

import dev.loopd.control.platform.Wiring;
import dev.loopd.control.route.NodeChannels;
import dev.loopd.control.store.FileStore;
import dev.loopd.operator.core.OperatorCore;
import dev.loopd.operator.store.Store;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local mode, the embedded default ({@code bin/loopd up}): the file-backed store under {@code
 * loopd.data-dir}, the operator core, and loop nodes as child processes of this one. On start it
 * makes sure there is an admin token, a {@code default} tenant with a token and a {@code default}
 * pool (see {@link LocalBootstrap}), then writes {@code run/ready} for the launcher.
 */
@ApplicationScoped
public class LocalMode {

  private static final System.Logger LOG = System.getLogger(LocalMode.class.getName());

  @ConfigProperty(name = "loopd.data-dir")
  Path dataDir;

  /** Where bin/ lives; nodes run {@code <home>/bin/loop-node} unless loopd.node-command is set. */
  @ConfigProperty(name = "loopd.home", defaultValue = ".")
  Path home;

  @ConfigProperty(name = "loopd.node-command")
  Optional<List<String>> nodeCommand;

  @ConfigProperty(name = "loopd.node-java-opts")
  Optional<String> nodeJavaOpts;

  @ConfigProperty(name = "quarkus.grpc.server.port")
  int port;

  @ConfigProperty(name = "quarkus.grpc.server.host", defaultValue = "127.0.0.1")
  String host;

  @Inject Wiring wiring;
  @Inject Clock clock;

  private Store store;
  private LocalProcessDriver driver;
  private OperatorCore core;

  /** The file-backed store under {@code <data-dir>/store}. */
  public synchronized Store store() {
    if (store == null) {
      store = FileStore.open(dataDir.resolve("store"));
    }
    return store;
  }

  synchronized LocalProcessDriver driver() {
    if (driver == null) {
      List<String> command =
          nodeCommand.orElse(List.of(home.resolve("bin/loop-node").toAbsolutePath().toString()));
      driver =
          new LocalProcessDriver(
              command,
              address(),
              dataDir.resolve("logs/nodes"),
              nodeJavaOpts.map(o -> Map.of("LOOPD_JAVA_OPTS", o)).orElse(Map.of()));
    }
    return driver;
  }

  /** The operator core, driving {@code loop-node} child processes; also the API's runtime. */
  public synchronized OperatorCore core() {
    if (core == null) {
      core = new OperatorCore(store(), driver(), clock);
    }
    return core;
  }

  private String address() {
    return (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
  }

  void start(@Observes StartupEvent event) {
    if (wiring.mode() != Wiring.Mode.LOCAL) {
      return;
    }
    LocalBootstrap.Result boot = LocalBootstrap.ensure(store(), dataDir, clock);
    core().start();
    String address = address();
    LocalBootstrap.writeReady(dataDir, address, boot);
    LOG.log(System.Logger.Level.INFO, "loopd is up at {0} (data in {1})", address, dataDir);
  }

  void stop(@Observes ShutdownEvent event, NodeChannels channels) {
    if (wiring.mode() != Wiring.Mode.LOCAL) {
      return;
    }
    LOG.log(System.Logger.Level.INFO, "loopd is stopping: draining the nodes");
    LocalBootstrap.clearReady(dataDir);
    core().drainAll(Duration.ofSeconds(20));
    driver().stopAll(Duration.ofSeconds(10));
    channels.close();
  }
}
