package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.model.RowSnapshot;
import org.actitosync.emulator.model.TableDef;
import org.actitosync.emulator.model.WriteOutcome;

/**
 * Custom-table records (v4 custom-data API). Keys in paths are business keys (primary key value) or
 * technical ids, URL-decoded from the raw path (see {@link PathKeys}).
 */
final class RecordRoutes {
  /** Default and maximum page size of the list route (inferred). */
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;

  private RecordRoutes() {
  }

  static void register(RouteTable routes, EmulatorCore core) {
    String base = "/v4/entity/{e}/customTable/{t}/record";
    routes.add(HandlerType.POST, "POST /record", (ctx, call) -> {
      var props = Bodies.nameValues(Bodies.json(ctx, core.mapper()), "properties");
      WriteOutcome out = core.store().upsertRecord(call.entity(), ctx.pathParam("t"), props);
      ObjectNode body = core.mapper().createObjectNode().put("businessKey", out.key()).put("created", out.created());
      Bodies.send(ctx, core.mapper(), 200, body);
    }, routes.both("/custom-data", base));

    routes.add(HandlerType.PUT, "PUT /record/{key}", (ctx, call) -> {
      var props = Bodies.nameValues(Bodies.json(ctx, core.mapper()), "properties");
      String key = PathKeys.after(ctx, "record");
      core.store().updateRecord(call.entity(), ctx.pathParam("t"), key, props);
      sendRecord(ctx, core, call, key);
    }, routes.both("/custom-data", base + "/<key>"));

    routes.add(HandlerType.GET, "GET /record/{key}", (ctx, call) ->
        sendRecord(ctx, core, call, PathKeys.after(ctx, "record")),
        routes.both("/custom-data", base + "/<key>"));

    routes.add(HandlerType.DELETE, "DELETE /record/{key}", (ctx, call) -> {
      String key = PathKeys.after(ctx, "record");
      if (!core.store().deleteRecord(call.entity(), ctx.pathParam("t"), key)) {
        throw new NotFoundException("No record '" + key + "' in custom table " + ctx.pathParam("t"));
      }
      ctx.status(200);
    }, routes.both("/custom-data", base + "/<key>"));

    routes.add(HandlerType.GET, "GET /record", (ctx, call) -> {
      String table = ctx.pathParam("t");
      TableDef def = core.store().customTable(call.entity(), table);
      int number = intParam(ctx, "number", DEFAULT_PAGE);
      int page = intParam(ctx, "page", 0);
      if (number < 1 || number > MAX_PAGE || page < 0) {
        throw new ApiException(400, "number must be 1.." + MAX_PAGE + " and page >= 0");
      }
      List<RowSnapshot> all = core.store().listRecords(call.entity(), table, ctx.queryParam("searchField"),
          ctx.queryParam("searchValue"), ctx.queryParam("sortedField"),
          !"false".equalsIgnoreCase(ctx.queryParam("ascending")));
      ObjectNode body = core.mapper().createObjectNode();
      var records = body.putArray("records");
      long from = (long) page * number;
      for (long i = from; i < Math.min(all.size(), from + number); i++) {
        records.add(Bodies.record(core.mapper(), def, all.get((int) i)));
      }
      body.put("page", page).put("number", number).put("totalRecords", all.size());
      Bodies.send(ctx, core.mapper(), 200, body);
    }, routes.both("/custom-data", base));
  }

  private static void sendRecord(Context ctx, EmulatorCore core, Call call, String key) throws Exception {
    String table = ctx.pathParam("t");
    TableDef def = core.store().customTable(call.entity(), table);
    RowSnapshot row = core.store().record(call.entity(), table, key)
        .orElseThrow(() -> new NotFoundException("No record '" + key + "' in custom table " + table));
    Bodies.send(ctx, core.mapper(), 200, Bodies.record(core.mapper(), def, row));
  }

  static int intParam(Context ctx, String name, int dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(400, "Query parameter " + name + " must be an integer");
    }
  }
}
