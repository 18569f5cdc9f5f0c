package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test scaffolding for {@link FakeKubelet}: a container's {@code preStop} hook, within the pod's
 * grace period. An {@code exec} of {@code sleep N} (alone or inside {@code sh -c}) waits N seconds
 * here, which is what such hooks are for: time for endpoints to drop the pod before SIGTERM. Other
 * commands cannot run without the container's file system and are skipped with a note in the
 * kubelet's journal. {@code httpGet} is called on the pod's address.
 */
final class PreStop {

  private static final Pattern SLEEP = Pattern.compile("(?:^|\\s|/)sleep\\s+(\\d+(?:\\.\\d+)?)");

  private PreStop() {}

  static void run(
      LifecycleHandler hook,
      Container container,
      String podIp,
      Instant deadline,
      Journal journal,
      String who) {
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      journal.log("%s: no grace period left for preStop", who);
      return;
    }
    try {
      if (hook.getExec() != null) {
        String command = String.join(" ", hook.getExec().getCommand());
        Matcher m = SLEEP.matcher(command);
        if (!m.find()) {
          journal.log("%s: preStop exec skipped (only sleep runs here): %s", who, command);
          return;
        }
        Duration sleep = Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000));
        Duration wait = sleep.compareTo(left) < 0 ? sleep : left;
        journal.log("%s: preStop: %s (waiting %d ms)", who, command, wait.toMillis());
        Thread.sleep(wait);
      } else if (hook.getHttpGet() != null) {
        boolean ok = Probes.httpGet(hook.getHttpGet(), container, podIp, left);
        journal.log(
            "%s: preStop httpGet %s: %s", who, hook.getHttpGet().getPath(), ok ? "ok" : "failed");
      } else {
        journal.log("%s: preStop hook not supported by the fake kubelet: %s", who, hook);
      }
    } catch (Probes.Unsupported e) {
      journal.log("%s: preStop: %s", who, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
