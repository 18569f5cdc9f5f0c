package dev.loopd.k8s.operator.status;

import dev.loopd.k8s.crd.v1alpha1.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Conditions in Kubernetes API convention, built against the ones a resource has now. */
public final class ConditionTimes {

  private ConditionTimes() {}

  /**
   * A condition stamped with {@code generation}; its {@code lastTransitionTime} is the current
   * condition's of the same type when the status did not change, else now.
   */
  public static Condition condition(
      List<Condition> current,
      String type,
      String status,
      String reason,
      String message,
      long generation,
      Clock clock) {
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setObservedGeneration(generation);
    c.setLastTransitionTime(transitionTime(current, c, clock));
    return c;
  }

  /** The current condition's time when {@code next}'s status did not change, else now. */
  public static String transitionTime(List<Condition> current, Condition next, Clock clock) {
    Optional<Condition> previous =
        Optional.ofNullable(current).stream()
            .flatMap(List::stream)
            .filter(c -> next.getType().equals(c.getType()))
            .findFirst();
    if (previous.isPresent()
        && Objects.equals(previous.get().getStatus(), next.getStatus())
        && previous.get().getLastTransitionTime() != null) {
      return previous.get().getLastTransitionTime();
    }
    return now(clock);
  }

  /** RFC 3339, whole seconds (as Kubernetes writes times). */
  public static String now(Clock clock) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
  }
}
