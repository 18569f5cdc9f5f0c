package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.QueryParam;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {
  @TempDir Path home;
  FakeControlPlane api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeControlPlane(home);
    api.invoke.response =
        InvokeResponse.newBuilder()
            .setStatus(201)
            .addHeaders(Header.newBuilder().setName("content-type").setValue("text/plain"))
            .setBody(ByteString.copyFromUtf8("created\n"))
            .build();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  InvokeRequest sent() {
    return api.invoke.calls.last(InvokeRequest.class);
  }

  @Test
  void printsTheBodyRawAndSendsAGetByDefault() {
    var r = api.run("invoke", "hello");
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("created\n");
    assertThat(sent().getHandler()).isEqualTo("hello");
    assertThat(sent().getMethod()).isEmpty();
    assertThat(sent().getPath()).isEqualTo("/");
  }

  @Test
  void dataIsSentAsAPostBody() {
    api.run("invoke", "hello", "-d", "{\"a\":1}");
    assertThat(sent().getBody().toStringUtf8()).isEqualTo("{\"a\":1}");
    assertThat(sent().getMethod()).isEqualTo("POST");
  }

  @Test
  void dataFromAFileKeepsItsBytes() throws Exception {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    Path f = Files.write(home.resolve("body.bin"), bytes);
    api.run("invoke", "hello", "--data", "@" + f);
    assertThat(sent().getBody().toByteArray()).isEqualTo(bytes);
  }

  @Test
  void dataFromStdin() {
    api.stdin = "piped body".getBytes(StandardCharsets.UTF_8);
    api.run("invoke", "hello", "--data", "-", "-X", "put");
    assertThat(sent().getBody().toStringUtf8()).isEqualTo("piped body");
    assertThat(sent().getMethod()).isEqualTo("PUT");
  }

  @Test
  void headersQueryPathAndTimeoutAreSent() {
    api.run(
        "invoke",
        "hello",
        "-H",
        "X-Trace: abc",
        "-H",
        "accept:text/plain",
        "--query",
        "q=a=b",
        "--query",
        "flag",
        "--path",
        "/items/7",
        "--timeout",
        "5s");
    assertThat(sent().getHeadersList())
        .containsExactly(
            Header.newBuilder().setName("X-Trace").setValue("abc").build(),
            Header.newBuilder().setName("accept").setValue("text/plain").build());
    assertThat(sent().getQueryList())
        .containsExactly(
            QueryParam.newBuilder().setName("q").setValue("a=b").build(),
            QueryParam.newBuilder().setName("flag").build());
    assertThat(sent().getPath()).isEqualTo("/items/7");
    assertThat(sent().getTimeout().getSeconds()).isEqualTo(5);
  }

  @Test
  void includePrintsStatusLineAndHeadersFirst() {
    var r = api.run("invoke", "hello", "-i");
    assertThat(r.out())
        .isEqualTo("HTTP/1.1 201 Created\r\ncontent-type: text/plain\r\n\r\ncreated\n");
  }

  @Test
  void httpErrorStatusExitsZeroUnlessFail() {
    api.invoke.response = api.invoke.response.toBuilder().setStatus(500).build();
    assertThat(api.run("invoke", "hello").status()).isZero();
    var failing = api.run("invoke", "hello", "--fail");
    assertThat(failing.status()).isEqualTo(22);
    assertThat(failing.err()).contains("hello answered HTTP 500");
    assertThat(failing.out()).isEqualTo("created\n");
  }

  @Test
  void pathMustStartWithASlash() {
    var r = api.run("invoke", "hello", "--path", "items");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("--path must start with /");
    assertThat(api.invoke.calls.requests).isEmpty();
  }

  @Test
  void jsonOutputIsTheWholeResponse() {
    var r = api.run("invoke", "hello", "-o", "json");
    assertThat(r.out()).contains("\"status\": 201").contains("\"body\": \"Y3JlYXRlZAo=\"");
  }
}
