package dev.loopd.cli.invoke;

import com.google.protobuf.ByteString;
import dev.loopd.cli.CliException;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.QueryParam;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The HTTP request flags shared by {@code invoke} and {@code load}, curl-style: {@code -d}, {@code
 * -X}, {@code -H}, {@code --path}, {@code --query}.
 */
public final class RequestOptions {
  @Option(
      names = {"-d", "--data"},
      paramLabel = "DATA",
      description = "Request body: text, @FILE for a file's bytes, or - for stdin. Implies POST.")
  String data;

  @Option(
      names = "--path",
      paramLabel = "/PATH",
      defaultValue = "/",
      description = "Path below the handler (default /).")
  String path;

  @Option(
      names = {"-X", "--request"},
      paramLabel = "METHOD",
      description = "HTTP method (default GET, or POST with -d).")
  String method;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      converter = HeaderConverter.class,
      description = "Request header; repeatable.")
  List<Header> headers = new ArrayList<>();

  @Option(
      names = "--query",
      paramLabel = "K=V",
      converter = QueryConverter.class,
      description = "Query parameter; repeatable.")
  List<QueryParam> query = new ArrayList<>();

  /** The request for {@code handler}, reading the body from a file or {@code stdin} if asked. */
  public InvokeRequest.Builder toRequest(String handler, InputStream stdin) {
    if (!path.startsWith("/")) {
      throw new CliException("--path must start with /: " + path);
    }
    InvokeRequest.Builder b =
        InvokeRequest.newBuilder()
            .setHandler(handler)
            .setPath(path)
            .addAllHeaders(headers)
            .addAllQuery(query);
    if (data != null) {
      b.setBody(body(stdin));
      b.setMethod("POST");
    }
    if (method != null) {
      b.setMethod(method.toUpperCase(Locale.ROOT));
    }
    return b;
  }

  private ByteString body(InputStream stdin) {
    try {
      if (data.equals("-")) {
        return ByteString.readFrom(stdin);
      }
      if (data.startsWith("@")) {
        return ByteString.copyFrom(Files.readAllBytes(Path.of(data.substring(1))));
      }
      return ByteString.copyFrom(data, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("-d " + data + ": no such file", e);
    } catch (IOException e) {
      throw new CliException("-d " + data + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** {@code 'name: value'}. */
  static final class HeaderConverter implements ITypeConverter<Header> {
    @Override
    public Header convert(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new TypeConversionException("'" + text + "' is not a header: use 'name: value'");
      }
      return Header.newBuilder()
          .setName(text.substring(0, colon).strip())
          .setValue(text.substring(colon + 1).strip())
          .build();
    }
  }

  /** {@code k=v}; a bare {@code k} has an empty value. */
  static final class QueryConverter implements ITypeConverter<QueryParam> {
    @Override
    public QueryParam convert(String text) {
      int eq = text.indexOf('=');
      if (eq == 0) {
        throw new TypeConversionException("'" + text + "' is not a query parameter: use k=v");
      }
      return eq < 0
          ? QueryParam.newBuilder().setName(text).build()
          : QueryParam.newBuilder()
              .setName(text.substring(0, eq))
              .setValue(text.substring(eq + 1))
              .build();
    }
  }
}
