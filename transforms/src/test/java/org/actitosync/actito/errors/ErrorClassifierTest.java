package org.actitosync.actito.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorClassifierTest {
  private final ErrorClassifier classifier =
      new ErrorClassifier(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
  void retryableStatuses(int status) {
    assertEquals(ErrorClass.RETRYABLE, classifier.classify(status, null, null).errorClass());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 405, 406, 409, 415, 422, 302})
  void permanentStatuses(int status) {
    assertEquals(ErrorClass.PERMANENT, classifier.classify(status, null, null).errorClass());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void authStatuses(int status) {
    assertEquals(ErrorClass.AUTH, classifier.classify(status, null, null).errorClass());
  }

  @Test
  void onlyQuotaAndUnavailableAreProvablyNotProcessed() {
    assertTrue(classifier.classify(429, null, null).provablyNotProcessed());
    assertTrue(classifier.classify(503, null, null).provablyNotProcessed());
    assertFalse(classifier.classify(500, null, null).provablyNotProcessed());
    assertFalse(classifier.classify(504, null, null).provablyNotProcessed());
  }

  @Test
  void retryAfterKeptInBothForms() {
    assertEquals(Optional.of(Duration.ofSeconds(7)), classifier.classify(429, "7", null).retryAfter());
    assertEquals(Optional.of(Duration.ofSeconds(30)),
        classifier.classify(503, "Thu, 01 Jan 2026 00:00:30 GMT", null).retryAfter());
    assertEquals(Optional.empty(), classifier.classify(400, "7", null).retryAfter());
  }

  @Test
  void messageFromJsonBody() {
    ClassifiedError c = classifier.classify(400,
        null, bytes("{\"status\":400,\"error\":\"Bad Request\",\"message\":\"attribute amount: not a number\"}"));
    assertEquals("attribute amount: not a number", c.message());
    assertEquals(400, c.status());
  }

  @Test
  void rawBodyTruncatedWhenNotJson() {
    String raw = "x".repeat(2000);
    String m = classifier.classify(500, null, bytes(raw)).message();
    assertEquals(ErrorClassifier.MAX_MESSAGE + 1, m.length());
    assertEquals("(empty body)", classifier.classify(500, null, new byte[0]).message());
    assertEquals("<html>oops</html>", classifier.classify(502, null, bytes(" <html>oops</html>\n")).message());
  }

  @Test
  void ioErrors() {
    assertEquals(ErrorClass.RETRYABLE, classifier.classify(new SocketTimeoutException("Read timed out")).errorClass());
    assertEquals(ErrorClass.RETRYABLE, classifier.classify(new SocketException("Connection reset")).errorClass());
    assertEquals(ErrorClass.RETRYABLE, classifier.classify(new EOFException()).errorClass());
    assertEquals(ErrorClass.RETRYABLE, classifier.classify(new IOException("Premature EOF")).errorClass());
    ClassifiedError refused = classifier.classify(new ConnectException("Connection refused"));
    assertEquals(ErrorClass.RETRYABLE, refused.errorClass());
    assertTrue(refused.provablyNotProcessed());
    assertFalse(classifier.classify(new SocketException("Connection reset")).provablyNotProcessed());
    assertTrue(classifier.classify(new SocketTimeoutException("Connect timed out")).provablyNotProcessed());
    assertFalse(classifier.classify(new SocketTimeoutException("Read timed out")).provablyNotProcessed());
    assertEquals(ErrorClass.PERMANENT, classifier.classify(new UnknownHostException("nope")).errorClass());
    assertEquals(0, classifier.classify(new EOFException()).status());
  }
}
