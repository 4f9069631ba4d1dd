package org.actitosync.actito.http;

import com.google.api.client.http.HttpContent;
import java.util.Set;
import org.actitosync.actito.Operation;

/** One logical Actito call: what {@link ActitoHttp#execute} sends, possibly several times. */
public final class ApiRequest {
  private final Operation operation;
  private final String method;
  private final String path;
  private final String query;
  private final HttpContent content;
  private final String accept;
  private final Set<Integer> passThrough;
  private final boolean replaySafe;

  private ApiRequest(
      Operation operation,
      String method,
      String path,
      String query,
      HttpContent content,
      String accept,
      Set<Integer> passThrough,
      boolean replaySafe) {
    this.operation = operation;
    this.method = method;
    this.path = path;
    this.query = query;
    this.content = content;
    this.accept = accept;
    this.passThrough = passThrough;
    this.replaySafe = replaySafe;
  }

  public static ApiRequest of(Operation operation, String method, String path, HttpContent content) {
    return new ApiRequest(operation, method, path, null, content, Json.MEDIA_TYPE, Set.of(), true);
  }

  /** An already escaped query string, without '?'. */
  public ApiRequest withQuery(String escapedQuery) {
    return new ApiRequest(operation, method, path, escapedQuery, content, accept, passThrough, replaySafe);
  }

  public ApiRequest withAccept(String accept) {
    return new ApiRequest(operation, method, path, query, content, accept, passThrough, replaySafe);
  }

  /** Non-2xx statuses returned to the caller as a response instead of failing (e.g. 404). */
  public ApiRequest passingThrough(Integer... statuses) {
    return new ApiRequest(operation, method, path, query, content, accept, Set.of(statuses), replaySafe);
  }

  /**
   * Marks the request as unsafe to replay blindly: after a RETRYABLE failure it is retried only
   * when Actito provably did not process it (429, 503, connection refused) or on the single
   * token re-mint after a 401.
   */
  public ApiRequest notReplaySafe() {
    return new ApiRequest(operation, method, path, query, content, accept, passThrough, false);
  }

  public Operation operation() {
    return operation;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String pathAndQuery() {
    return query == null ? path : path + "?" + query;
  }

  public HttpContent content() {
    return content;
  }

  public String accept() {
    return accept;
  }

  public boolean passesThrough(int status) {
    return passThrough.contains(status);
  }

  public boolean replaySafe() {
    return replaySafe;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
