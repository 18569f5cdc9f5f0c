package dev.loopd.node.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.proto.node.v1.QueryParam;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpMappingTest {

  @Test
  void targetSplitsHandlerFromTheRawPath() {
    assertThat(HttpMapping.target("/h/hello/a/b"))
        .isEqualTo(new HttpMapping.Target("hello", "/a/b"));
    assertThat(HttpMapping.target("/h/hello")).isEqualTo(new HttpMapping.Target("hello", "/"));
    assertThat(HttpMapping.target("/h/hello/")).isEqualTo(new HttpMapping.Target("hello", "/"));
    assertThat(HttpMapping.target("/h/hello/a%2Fb//c"))
        .isEqualTo(new HttpMapping.Target("hello", "/a%2Fb//c"));
    assertThat(HttpMapping.target("/h/")).isEqualTo(new HttpMapping.Target("", "/"));
    assertThat(HttpMapping.target("/h")).isNull();
    assertThat(HttpMapping.target("/healthz/live")).isNull();
  }

  @Test
  void queryDecodesLikeUrlSearchParams() {
    assertThat(HttpMapping.query("a=1&&b=%41+c&a=2&=v&k&x=%zz&y=%E2%9C%93&z=%FF&e=a=b"))
        .containsExactly(
            q("a", "1"),
            q("b", "A c"),
            q("a", "2"),
            q("", "v"),
            q("k", ""),
            q("x", "%zz"),
            q("y", "✓"),
            q("z", "\uFFFD"),
            q("e", "a=b"));
    assertThat(HttpMapping.query(null)).isEmpty();
    assertThat(HttpMapping.query("")).isEqualTo(List.of());
  }

  @Test
  void handlerNamesAreDnsLabels() {
    assertThat(HandlerNames.isValid("hello")).isTrue();
    assertThat(HandlerNames.isValid("a-1")).isTrue();
    assertThat(HandlerNames.isValid("a--b")).isTrue();
    assertThat(HandlerNames.isValid("9")).isTrue();
    assertThat(HandlerNames.isValid("-")).isFalse();
    assertThat(HandlerNames.isValid("a_b")).isFalse();
    assertThat(HandlerNames.isValid("a".repeat(63))).isTrue();
    assertThat(HandlerNames.isValid("a".repeat(64))).isFalse();
    assertThat(HandlerNames.isValid("Hello")).isFalse();
    assertThat(HandlerNames.isValid("-a")).isFalse();
    assertThat(HandlerNames.isValid("a-")).isFalse();
    assertThat(HandlerNames.isValid("a.b")).isFalse();
    assertThat(HandlerNames.isValid("")).isFalse();
  }

  private static QueryParam q(String name, String value) {
    return QueryParam.newBuilder().setName(name).setValue(value).build();
  }
}
