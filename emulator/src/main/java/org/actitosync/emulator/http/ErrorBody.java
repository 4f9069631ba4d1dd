package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Writes the emulator's error body (inferred; Actito's is unknown):
 * {@code {"status":400,"error":"Bad Request","message":"…","details":[{"field":"…","reason":"…"}]}}.
 * {@code details} is empty when the error is not about one attribute.
 */
public final class ErrorBody {
  private ErrorBody() {
  }

  public static void write(Context ctx, ObjectMapper mapper, int status, String message, String field) {
    ObjectNode body = mapper.createObjectNode();
    body.put("status", status);
    HttpStatus hs = HttpStatus.forStatus(status);
    body.put("error", hs == HttpStatus.UNKNOWN ? "Error" : hs.getMessage());
    body.put("message", message);
    var details = body.putArray("details");
    if (field != null) {
      details.addObject().put("field", field).put("reason", message);
    }
    ctx.status(status).contentType("application/json").result(body.toString());
  }
}
