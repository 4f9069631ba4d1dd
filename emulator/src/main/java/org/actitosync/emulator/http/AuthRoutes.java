package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.auth.TokenService;
import org.actitosync.emulator.model.EntityDef;

/** {@code GET /auth/token} and the entities list. */
final class AuthRoutes {
  private AuthRoutes() {
  }

  static void register(RouteTable routes, EmulatorCore core) {
    routes.add(HandlerType.GET, "GET /auth/token", false, true, (ctx, call) -> {
      TokenService.Token t = core.tokens().mint(ctx.header("Authorization"))
          .orElseThrow(() -> new ApiException(401, "Unknown or revoked API key"));
      ObjectNode body = core.mapper().createObjectNode();
      body.put("accessToken", t.accessToken());
      body.put("tokenType", "bearer");
      body.put("expiresIn", core.tokens().ttl().toSeconds() + "s");
      body.put("scope", "read write");
      body.put("jti", t.jti());
      Bodies.send(ctx, core.mapper(), 200, body);
    }, "/auth/token");

    routes.add(HandlerType.GET, "GET /entities", (ctx, call) -> {
      ObjectNode body = core.mapper().createObjectNode();
      var list = body.putArray("entities");
      for (EntityDef e : core.data().entities()) {
        if (call.key().allows(e.name())) {
          list.addObject().put("id", e.id()).put("name", e.name()).put("comment", e.comment());
        }
      }
      Bodies.send(ctx, core.mapper(), 200, body);
    }, routes.styled(new String[] {"/v4/entity", "/v5/entities"}, "/entities/v5/entities"));
  }
}
