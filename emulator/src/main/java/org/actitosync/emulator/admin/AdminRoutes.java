package org.actitosync.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.faults.FaultSettings;
import org.actitosync.emulator.http.Bodies;
import org.actitosync.emulator.http.ErrorBody;
import org.actitosync.emulator.http.PathKeys;
import org.actitosync.emulator.imports.ErrorReportMode;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.model.RowSnapshot;
import org.actitosync.emulator.validation.ValidationException;

/** The {@code /_emulator/} HTTP endpoints (see {@link EmulatorAdmin}). No auth, limits, faults or stats. */
public final class AdminRoutes {
  private AdminRoutes() {
  }

  /** A handler body that may throw; exceptions become the emulator's error body. */
  @FunctionalInterface
  interface AdminHandler {
    void handle(Context ctx) throws Exception;
  }

  public static void register(Javalin app, EmulatorCore core, EmulatorAdmin admin) {
    ObjectMapper mapper = core.mapper();
    add(app, mapper, HandlerType.GET, "/_emulator/records/{entity}/{table}", ctx -> {
      boolean technical = "true".equalsIgnoreCase(ctx.queryParam("technical"));
      ArrayNode out = mapper.createArrayNode();
      for (RowSnapshot r : core.store().allRecords(entity(ctx), table(ctx))) {
        out.add(Bodies.flat(mapper, r, "id", technical));
      }
      Bodies.send(ctx, mapper, 200, out);
    });
    add(app, mapper, HandlerType.PUT, "/_emulator/records/{entity}/{table}", ctx -> {
      JsonNode body = mapper.readTree(ctx.body());
      if (body == null || !body.isArray()) {
        throw new ValidationException(null, "The body must be a JSON array of records");
      }
      List<JsonNode> rows = new ArrayList<>();
      body.forEach(rows::add);
      core.store().putRecords(entity(ctx), table(ctx), rows);
      Bodies.send(ctx, mapper, 200, mapper.createObjectNode().put("put", rows.size()));
    });
    add(app, mapper, HandlerType.GET, "/_emulator/profiles/{entity}/{table}", ctx -> {
      ArrayNode out = mapper.createArrayNode();
      for (RowSnapshot r : core.store().allProfiles(entity(ctx), table(ctx))) {
        out.add(Bodies.flat(mapper, r, "profileId", "true".equalsIgnoreCase(ctx.queryParam("technical"))));
      }
      Bodies.send(ctx, mapper, 200, out);
    });
    add(app, mapper, HandlerType.POST, "/_emulator/reset", ctx -> {
      admin.reset();
      ctx.status(204);
    });
    add(app, mapper, HandlerType.GET, "/_emulator/stats", ctx -> Bodies.send(ctx, mapper, 200, admin.stats()));
    add(app, mapper, HandlerType.POST, "/_emulator/stats/reset", ctx -> {
      admin.resetStats();
      ctx.status(204);
    });
    add(app, mapper, HandlerType.POST, "/_emulator/faults", ctx -> {
      JsonNode body = ctx.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(ctx.body());
      try {
        admin.faults(FaultSettings.fromJson(body));
      } catch (IllegalArgumentException e) {
        throw new ValidationException(null, e.getMessage());
      }
      Bodies.send(ctx, mapper, 200, admin.currentFaults());
    });
    add(app, mapper, HandlerType.GET, "/_emulator/faults", ctx -> Bodies.send(ctx, mapper, 200, admin.currentFaults()));
    add(app, mapper, HandlerType.POST, "/_emulator/etl/error-reports", ctx -> {
      JsonNode body = ctx.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(ctx.body());
      String mode = body.path("mode").asText("");
      try {
        admin.errorReports(ErrorReportMode.valueOf(mode));
      } catch (IllegalArgumentException e) {
        throw new ValidationException("mode", "mode must be NORMAL, GARBLED or MISSING, got '" + mode + "'");
      }
      Bodies.send(ctx, mapper, 200, mapper.createObjectNode().put("mode", mode));
    });
    add(app, mapper, HandlerType.POST, "/_emulator/tokens/expire", ctx -> {
      admin.expireTokens();
      ctx.status(204);
    });
    add(app, mapper, HandlerType.POST, "/_emulator/keys/<key>/revoke", ctx -> {
      String raw = ctx.req().getRequestURI();
      String key = PathKeys.decode(raw.substring("/_emulator/keys/".length(), raw.length() - "/revoke".length()));
      admin.revokeKey(key);
      ctx.status(204);
    });
  }

  private static String entity(Context ctx) {
    return ctx.pathParam("entity");
  }

  private static String table(Context ctx) {
    return ctx.pathParam("table");
  }

  private static void add(Javalin app, ObjectMapper mapper, HandlerType method, String path, AdminHandler h) {
    Handler handler = ctx -> {
      try {
        h.handle(ctx);
      } catch (ValidationException e) {
        ErrorBody.write(ctx, mapper, e.status(), e.getMessage(), e.attribute());
      } catch (NotFoundException e) {
        ErrorBody.write(ctx, mapper, 404, e.getMessage(), null);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        ErrorBody.write(ctx, mapper, 400, "The body is not valid JSON: " + e.getOriginalMessage(), null);
      }
    };
    app.addHttpHandler(method, path, handler);
  }
}
