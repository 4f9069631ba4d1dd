package org.actitosync.actito.http;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Performs exactly one HTTP exchange with google-http-client, with all of its own retry and
 * logging machinery switched off (retries, classification and logging are ours). Never logs.
 */
public final class HttpExchange {
  /** What came back: status, {@code Retry-After} header and the whole body. */
  public static final class Raw {
    public final int status;
    public final String retryAfter;
    public final byte[] body;

    Raw(int status, String retryAfter, byte[] body) {
      this.status = status;
      this.retryAfter = retryAfter;
      this.body = body;
    }

    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  private final String baseUrl;
  private final HttpRequestFactory factory;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  public HttpExchange(
      String baseUrl, HttpTransport transport, Duration connectTimeout, Duration readTimeout) {
    this.baseUrl = baseUrl;
    this.factory = transport.createRequestFactory();
    this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    this.readTimeoutMillis = (int) readTimeout.toMillis();
  }

  /**
   * @param pathAndQuery already escaped, starting with '/'
   * @param authorization the full {@code Authorization} header value
   */
  public Raw send(
      String method, String pathAndQuery, HttpContent content, String accept, String authorization)
      throws IOException {
    // verbatim: keep our escaping (e.g. %2F inside a segment) exactly as built.
    GenericUrl url = new GenericUrl(baseUrl + pathAndQuery, true);
    HttpRequest request = factory.buildRequest(method, url, content);
    request.getHeaders().setAuthorization(authorization).setAccept(accept);
    request
        .setThrowExceptionOnExecuteError(false)
        .setNumberOfRetries(0)
        .setLoggingEnabled(false)
        .setCurlLoggingEnabled(false)
        .setUnsuccessfulResponseHandler(null)
        .setIOExceptionHandler(null)
        .setConnectTimeout(connectTimeoutMillis)
        .setReadTimeout(readTimeoutMillis);
    HttpResponse response = request.execute();
    try {
      byte[] body;
      try (InputStream in = response.getContent()) {
        body = in == null ? new byte[0] : in.readAllBytes();
      }
      return new Raw(response.getStatusCode(), response.getHeaders().getRetryAfter(), body);
    } finally {
      response.disconnect();
    }
  }
}
