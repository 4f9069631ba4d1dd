package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.model.TableDef;

/**
 * Structure APIs: custom and profile table structures, and change requests adding attributes.
 * List answers are {@code {"customTables":[…]}} / {@code {"profileTables":[…]}} (inferred).
 */
final class StructureRoutes {
  private StructureRoutes() {
  }

  static void register(RouteTable routes, EmulatorCore core) {
    String ct = "/v5/entities/{e}/custom-tables";
    String pt = "/v5/entities/{e}/profile-tables";
    routes.add(HandlerType.GET, "GET /custom-tables", (ctx, call) ->
        Bodies.send(ctx, core.mapper(), 200, list(core, "customTables", core.store().customTables(call.entity()))),
        routes.both("/custom-table-structure", ct));
    routes.add(HandlerType.GET, "GET /custom-tables/{id}", (ctx, call) ->
        Bodies.send(ctx, core.mapper(), 200, core.store().customTable(call.entity(), ctx.pathParam("t")).structure()),
        routes.both("/custom-table-structure", ct + "/{t}"));
    routes.add(HandlerType.GET, "GET /profile-tables", (ctx, call) ->
        Bodies.send(ctx, core.mapper(), 200, list(core, "profileTables", core.store().profileTables(call.entity()))),
        routes.both("/profile-table-structure", pt));
    routes.add(HandlerType.GET, "GET /profile-tables/{id}", (ctx, call) ->
        Bodies.send(ctx, core.mapper(), 200, core.store().profileTable(call.entity(), ctx.pathParam("t")).structure()),
        routes.both("/profile-table-structure", pt + "/{t}"));

    routes.add(HandlerType.POST, "POST /change-requests", (ctx, call) -> {
      JsonNode body = Bodies.json(ctx, core.mapper());
      String table = ctx.pathParam("t");
      TableDef def = core.store().customTable(call.entity(), table);
      List<JsonNode> attributes = new ArrayList<>();
      JsonNode ops = body.path("operations");
      if (!ops.isArray() || ops.isEmpty()) {
        throw new ApiException(400, "A change request needs a non-empty 'operations' array");
      }
      for (JsonNode op : ops) {
        if (!"ADD_ATTRIBUTE".equals(op.path("type").asText())) {
          throw new ApiException(400, "Unsupported change-request operation type '" + op.path("type").asText()
              + "' (the emulator supports ADD_ATTRIBUTE)");
        }
        if (!op.path("attribute").isObject()) {
          throw new ApiException(400, "ADD_ATTRIBUTE needs an 'attribute' object");
        }
        attributes.add(op.get("attribute"));
      }
      core.store().addAttributes(call.entity(), table, attributes);
      Bodies.send(ctx, core.mapper(), 200, changeRequest(core, core.recordChangeRequest(call.entity(), def.id())));
    }, routes.both("/custom-table-structure", ct + "/{t}/change-requests"));

    routes.add(HandlerType.GET, "GET /change-requests/{id}", (ctx, call) -> {
      EmulatorCore.ChangeRequest cr = core.changeRequest(ctx.pathParam("id"));
      TableDef def = core.store().customTable(call.entity(), ctx.pathParam("t"));
      if (cr == null || !cr.entity().equals(call.entity()) || !def.matches(cr.table())) {
        throw new NotFoundException("No change request " + ctx.pathParam("id"));
      }
      Bodies.send(ctx, core.mapper(), 200, changeRequest(core, cr));
    }, routes.both("/custom-table-structure", ct + "/{t}/change-requests/{id}"));
  }

  private static ObjectNode list(EmulatorCore core, String field, List<TableDef> tables) {
    ObjectNode body = core.mapper().createObjectNode();
    var arr = body.putArray(field);
    tables.forEach(t -> arr.add(t.structure()));
    return body;
  }

  private static ObjectNode changeRequest(EmulatorCore core, EmulatorCore.ChangeRequest cr) {
    return core.mapper().createObjectNode().put("id", cr.id()).put("status", cr.status());
  }
}
