package org.actitosync.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.admin.StatsRecorder.TooMany;
import org.actitosync.emulator.faults.FaultDecision;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.emulator.limits.QuotaExceededException;
import org.actitosync.emulator.limits.RateLimiter;
import org.actitosync.emulator.model.ApiKeyDef;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.validation.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every Actito route, in this order:
 * <ol>
 *   <li>request holds set by the admin (a test's explicit race) keep the call waiting where it arrived;</li>
 *   <li>count the request in flight (exact peak); over {@code maxConcurrent} → 429 (+ Retry-After);</li>
 *   <li>per-minute budget: STRICT → 429 (+ Retry-After), LATENCY → sleep the growing delay;</li>
 *   <li>fault triggers set by the admin run at the n-th call of their route; then faults: added latency, then connection reset or injected status (before processing, or after it
 *       when the fault settings say {@code afterProcessing});</li>
 *   <li>{@code Accept} must allow JSON on JSON routes → else 406;</li>
 *   <li>bearer token → else 401 (a token-expiry fault expires it here); entity allowed → else 403,
 *       entity known → else 404;</li>
 *   <li>the handler; its exceptions become error bodies (400/404/409/429/500).</li>
 * </ol>
 * Every call is counted in the statistics under its route name and final status.
 */
public final class ActitoPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(ActitoPipeline.class);
  private final EmulatorCore core;

  public ActitoPipeline(EmulatorCore core) {
    this.core = core;
  }

  /**
   * @param route the route name used in statistics and fault selection, e.g. {@code "POST /record"}
   * @param authenticated whether a bearer token is required
   * @param json whether the route answers JSON (checks {@code Accept})
   */
  public Handler wrap(String route, boolean authenticated, boolean json, ActitoHandler handler) {
    return ctx -> {
      core.holds().forEach(h -> h.arrive(route));
      int status = 0;
      int inFlight = core.gate().enter();
      try {
        status = run(route, authenticated, json, handler, ctx, inFlight);
      } finally {
        core.gate().leave();
        core.statsRecorder().call(route, status);
      }
    };
  }

  private int run(String route, boolean authenticated, boolean json, ActitoHandler handler, Context ctx,
      int inFlight) {
    Limits limits = core.limits();
    if (inFlight > limits.maxConcurrent()) {
      core.statsRecorder().tooMany(TooMany.CONCURRENCY);
      return tooMany(ctx, "More than " + limits.maxConcurrent() + " concurrent requests", limits.retryAfterSeconds());
    }
    RateLimiter.Decision rate = core.rate().onCall(limits);
    if (rate.refused()) {
      core.statsRecorder().tooMany(TooMany.RATE);
      return tooMany(ctx, "More than " + limits.callsPerMinute() + " calls in a minute", limits.retryAfterSeconds());
    }
    if (rate.delayMillis() > 0) {
      core.statsRecorder().throttled();
      sleep(rate.delayMillis());
    }
    FaultDecision fault = core.faults().decide(route);
    if (fault.latencyMillis() > 0) {
      sleep(fault.latencyMillis());
    }
    if (!fault.afterProcessing() && (fault.reset() || fault.errorStatus() > 0)) {
      return injectFault(ctx, fault);
    }
    try {
      if (json && !acceptsJson(ctx.header("Accept"))) {
        throw new ApiException(406, "Accept must allow application/json");
      }
      ApiKeyDef key = null;
      if (authenticated) {
        String token = bearer(ctx.header("Authorization"));
        key = core.tokens().check(token).orElseThrow(() -> new ApiException(401, "Missing, unknown or expired token"));
        if (!core.tokens().firstUse(token) && fault.expireToken()) {
          core.tokens().expire(token);
          core.statsRecorder().injectedTokenExpiry();
          throw new ApiException(401, "Missing, unknown or expired token");
        }
      }
      String entity = ctx.pathParamMap().get("e");
      if (entity != null) {
        if (key != null && !key.allows(entity)) {
          throw new ApiException(403, "The API key has no right on entity " + entity);
        }
        if (core.data().entities().stream().noneMatch(e -> e.name().equals(entity))) {
          throw new NotFoundException("No entity " + entity);
        }
      }
      handler.handle(ctx, new Call(key, entity));
    } catch (ApiException e) {
      e.headers().forEach(ctx::header);
      ErrorBody.write(ctx, core.mapper(), e.status(), e.getMessage(), null);
    } catch (ValidationException e) {
      ErrorBody.write(ctx, core.mapper(), e.status(), e.getMessage(), e.attribute());
    } catch (NotFoundException e) {
      ErrorBody.write(ctx, core.mapper(), 404, e.getMessage(), null);
    } catch (QuotaExceededException e) {
      core.statsRecorder().tooMany(TooMany.QUOTA);
      Integer retry = limits.retryAfterSeconds() == null ? null : (int) e.secondsUntilReset();
      tooMany(ctx, e.getMessage(), retry);
    } catch (JsonProcessingException e) {
      ErrorBody.write(ctx, core.mapper(), 400, "The body is not valid JSON: " + e.getOriginalMessage(), null);
    } catch (Exception e) {
      LOG.warn("emulator error on {}", route, e);
      ErrorBody.write(ctx, core.mapper(), 500, "Emulator error: " + e, null);
    }
    if (fault.afterProcessing() && (fault.reset() || fault.errorStatus() > 0)) {
      return injectFault(ctx, fault);
    }
    return ctx.statusCode();
  }

  /** Resets the connection or answers the injected status; returns the status (0 for a reset). */
  private int injectFault(Context ctx, FaultDecision fault) {
    if (fault.reset()) {
      core.statsRecorder().connectionReset();
      ConnectionReset.reset(ctx);
      return 0;
    }
    core.statsRecorder().injectedError();
    if (fault.retryAfterSeconds() != null) {
      ctx.header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
    }
    ErrorBody.write(ctx, core.mapper(), fault.errorStatus(), "Injected fault", null);
    return fault.errorStatus();
  }

  private int tooMany(Context ctx, String message, Integer retryAfter) {
    if (retryAfter != null) {
      ctx.header("Retry-After", Integer.toString(retryAfter));
    }
    ErrorBody.write(ctx, core.mapper(), 429, message, null);
    return 429;
  }

  static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String a = authorization.trim();
    return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : null;
  }

  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";")[0].trim().toLowerCase();
      if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")
          || type.endsWith("+json")) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
