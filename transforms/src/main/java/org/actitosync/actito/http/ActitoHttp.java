package org.actitosync.actito.http;

import com.google.api.client.util.Sleeper;
import java.io.IOException;
import java.util.function.DoubleSupplier;
import org.actitosync.actito.Operation;
import org.actitosync.actito.auth.AccessToken;
import org.actitosync.actito.auth.TokenProvider;
import org.actitosync.actito.auth.TokenUnavailableException;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ClassifiedError;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.errors.ErrorClassifier;
import org.actitosync.actito.observe.ActitoCallListener;
import org.actitosync.actito.retry.RetryBudget;
import org.actitosync.actito.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one logical Actito call: token, request, classification, retries.
 *
 * <ul>
 *   <li>2xx and the request's pass-through statuses are returned.
 *   <li>401: the token is dropped, re-minted once and the request replayed; a second 401 (or a 403,
 *       or a 401 at the token route) throws {@link ActitoAuthException}.
 *   <li>RETRYABLE (see {@link ErrorClassifier}): waits per {@link RetryBudget} (exponential backoff
 *       with jitter, {@code Retry-After} honoured, capped per attempt and in total), then replays
 *       the identical request. Requests marked {@link ApiRequest#notReplaySafe()} are replayed only
 *       when Actito provably did not process them.
 *   <li>PERMANENT: thrown at once as {@link ActitoException}.
 * </ul>
 *
 * Thread-safe; shares the token cache across threads.
 */
public final class ActitoHttp {
  private static final Logger LOG = LoggerFactory.getLogger(ActitoHttp.class);

  private final HttpExchange exchange;
  private final TokenProvider tokens;
  private final ErrorClassifier classifier;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final ActitoCallListener listener;
  private final String entity;

  public ActitoHttp(
      HttpExchange exchange,
      TokenProvider tokens,
      ErrorClassifier classifier,
      RetryPolicy policy,
      Sleeper sleeper,
      DoubleSupplier random,
      ActitoCallListener listener,
      String entity) {
    this.exchange = exchange;
    this.tokens = tokens;
    this.classifier = classifier;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.listener = listener;
    this.entity = entity;
  }

  /** Runs {@code request} to a response, or throws a classified {@link ActitoException}. */
  public ApiResponse execute(ApiRequest request) {
    Operation op = request.operation();
    String target = "on entity '" + entity + "' (" + request + ")";
    RetryBudget budget = new RetryBudget(policy, random);
    boolean reminted = false;
    while (true) {
      int attempt = budget.startAttempt();
      ClassifiedError failure;
      IOException ioCause = null;
      boolean tokenRoute = false;
      try {
        AccessToken token = tokens.get();
        HttpExchange.Raw raw = sendOnce(request, token, attempt);
        if (raw.isSuccess() || request.passesThrough(raw.status)) {
          return new ApiResponse(raw.status, raw.body, attempt);
        }
        if (raw.status == 401 && !tokens.invalidate(token) && attempt < policy.maxAttempts()) {
          // calls share the token: another call found it expired and re-minted meanwhile
          LOG.debug("{} {} got 401 on a token already replaced: replaying with the current one", op, request);
          continue;
        }
        if (raw.status == 401 && !reminted) {
          reminted = true;
          LOG.debug("{} {} got 401: re-minting the access token once and replaying", op, request);
          continue;
        }
        failure = classifier.classify(raw.status, raw.retryAfter, raw.body);
      } catch (TokenUnavailableException e) {
        tokenRoute = true;
        failure = e.classification();
      } catch (IOException e) {
        ioCause = e;
        failure = classifier.classify(e);
      }
      long delay = decide(request, target, budget, failure, tokenRoute, attempt, ioCause);
      listener.onRetry(op, failure.status(), attempt, delay);
      LOG.warn("Actito {} {} failed ({}, HTTP {}): retrying in {} ms (attempt {}/{})",
          op, request, failure.errorClass(), failure.status(), delay, attempt, policy.maxAttempts());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(op, target, failure, attempt, false, "interrupted while backing off", e);
      }
    }
  }

  private HttpExchange.Raw sendOnce(ApiRequest request, AccessToken token, int attempt)
      throws IOException {
    long start = System.nanoTime();
    try {
      HttpExchange.Raw raw = exchange.send(request.method(), request.pathAndQuery(),
          request.content(), request.accept(), token.bearerHeader());
      long ms = (System.nanoTime() - start) / 1_000_000;
      listener.onCall(request.operation(), raw.status, ms);
      LOG.debug("{} {} -> {} ({} ms, attempt {})", request.operation(), request, raw.status, ms,
          attempt);
      return raw;
    } catch (IOException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      listener.onCall(request.operation(), 0, ms);
      LOG.debug("{} {} -> {} ({} ms, attempt {})", request.operation(), request,
          e.getClass().getSimpleName(), ms, attempt);
      throw e;
    }
  }

  /** The wait before the next attempt, or throws the final exception for {@code failure}. */
  private long decide(ApiRequest request, String target, RetryBudget budget,
      ClassifiedError failure, boolean tokenRoute, int attempt, IOException ioCause) {
    Operation op = request.operation();
    switch (failure.errorClass()) {
      case AUTH:
        listener.onFailure(op, ErrorClass.AUTH, failure.status());
        throw new ActitoAuthException(op, target, failure.status(), failure.message(), attempt,
            tokenRoute ? null
                : failure.status() == 403
                    ? "the API key lacks the right for this route"
                    : "the access token was refused again after re-minting it");
      case PERMANENT:
        throw fail(op, target, failure, attempt, false, null, ioCause);
      default:
        break;
    }
    if (!request.replaySafe() && !failure.provablyNotProcessed()) {
      throw fail(op, target, failure, attempt, false,
          "not replayed: the request may have been processed and is not idempotent", ioCause);
    }
    long delay = budget.nextDelayMillis(failure.retryAfter());
    if (delay == RetryBudget.GIVE_UP) {
      String note = failure.retryAfter().isPresent() && attempt < policy.maxAttempts()
          ? "Retry-After " + failure.retryAfter().get().toMillis()
              + " ms exceeds the remaining backoff budget"
          : null;
      throw fail(op, target, failure, attempt, true, note, ioCause);
    }
    return delay;
  }

  private ActitoException fail(
      Operation op,
      String target,
      ClassifiedError failure,
      int attempts,
      boolean exhausted,
      String note,
      Throwable cause) {
    listener.onFailure(op, failure.errorClass(), failure.status());
    return new ActitoException(
        op, target, failure.errorClass(), failure.status(), failure.message(), attempts, exhausted,
        note, cause);
  }
}
