package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import java.util.List;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.model.ProfileGetShape;
import org.actitosync.emulator.model.RowSnapshot;
import org.actitosync.emulator.model.TableDef;
import org.actitosync.emulator.model.WriteOutcome;

/**
 * Profiles (v4 profile API, family prefix {@code /profiles}): upsert matching on unique attributes,
 * get/delete by profileId or {@code attr=value}, list. A single-profile GET answers in the data's
 * {@link ProfileGetShape}; PUT and the list keep the top-level shape.
 */
final class ProfileRoutes {
  private ProfileRoutes() {
  }

  static void register(RouteTable routes, EmulatorCore core) {
    String base = "/v4/entity/{e}/table/{t}/profile";
    routes.add(HandlerType.POST, "POST /profile", (ctx, call) -> {
      var attrs = Bodies.nameValues(Bodies.json(ctx, core.mapper()), "attributes");
      boolean allowUpdate = "true".equalsIgnoreCase(ctx.queryParam("allowUpdate"));
      WriteOutcome out = core.store().upsertProfile(call.entity(), ctx.pathParam("t"), attrs, allowUpdate);
      ObjectNode body = core.mapper().createObjectNode().put("profileId", Long.parseLong(out.key()))
          .put("created", out.created());
      Bodies.send(ctx, core.mapper(), 200, body);
    }, routes.both("/profiles", base));

    routes.add(HandlerType.GET, "GET /profile/{key}", (ctx, call) -> {
      String table = ctx.pathParam("t");
      String key = PathKeys.after(ctx, "profile");
      TableDef def = core.store().profileTable(call.entity(), table);
      RowSnapshot row = core.store().profile(call.entity(), table, key)
          .orElseThrow(() -> new NotFoundException("No profile '" + key + "' in profile table " + table));
      Bodies.send(ctx, core.mapper(), 200, core.data().profileGetShape() == ProfileGetShape.SDK
          ? Bodies.sdkProfile(core.mapper(), def, row) : Bodies.profile(core.mapper(), def, row));
    }, routes.both("/profiles", base + "/<key>"));

    routes.add(HandlerType.PUT, "PUT /profile/{key}", (ctx, call) -> {
      var attrs = Bodies.nameValues(Bodies.json(ctx, core.mapper()), "attributes");
      String table = ctx.pathParam("t");
      RowSnapshot row = core.store().updateProfile(call.entity(), table, PathKeys.after(ctx, "profile"), attrs);
      Bodies.send(ctx, core.mapper(), 200, Bodies.profile(core.mapper(), core.store().profileTable(call.entity(),
          table), row));
    }, routes.both("/profiles", base + "/<key>"));

    routes.add(HandlerType.DELETE, "DELETE /profile/{key}", (ctx, call) -> {
      String key = PathKeys.after(ctx, "profile");
      if (!core.store().deleteProfile(call.entity(), ctx.pathParam("t"), key)) {
        throw new NotFoundException("No profile '" + key + "' in profile table " + ctx.pathParam("t"));
      }
      ctx.status(200);
    }, routes.both("/profiles", base + "/<key>"));

    routes.add(HandlerType.GET, "GET /profile", (ctx, call) -> {
      String table = ctx.pathParam("t");
      TableDef def = core.store().profileTable(call.entity(), table);
      int number = RecordRoutes.intParam(ctx, "number", RecordRoutes.DEFAULT_PAGE);
      int page = RecordRoutes.intParam(ctx, "page", 0);
      if (number < 1 || number > RecordRoutes.MAX_PAGE || page < 0) {
        throw new ApiException(400, "number must be 1.." + RecordRoutes.MAX_PAGE + " and page >= 0");
      }
      List<RowSnapshot> all = core.store().allProfiles(call.entity(), table);
      ObjectNode body = core.mapper().createObjectNode();
      var profiles = body.putArray("profiles");
      long from = (long) page * number;
      for (long i = from; i < Math.min(all.size(), from + number); i++) {
        profiles.add(Bodies.profile(core.mapper(), def, all.get((int) i)));
      }
      body.put("page", page).put("number", number).put("totalProfiles", all.size());
      Bodies.send(ctx, core.mapper(), 200, body);
    }, routes.both("/profiles", base));
  }
}
