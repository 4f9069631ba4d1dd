package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.Charset;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.imports.ImportJob;
import org.actitosync.emulator.imports.ResultFileWriter;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.model.TableKind;
import org.actitosync.emulator.validation.ValidationException;

/**
 * v4 bulk imports: creation (multipart {@code inputFile} + {@code parameters}), result and result file.
 * {@code parameters} may be sent as a file part or as a plain form field.
 */
final class ImportRoutes {
  private ImportRoutes() {
  }

  static void register(RouteTable routes, EmulatorCore core) {
    routes.add(HandlerType.POST, "POST /import", (ctx, call) -> create(ctx, core, call, TableKind.CUSTOM_TABLE),
        routes.retired("/mass-imports", "/v4/entity/{e}/customTable/{t}/import"));
    routes.add(HandlerType.POST, "POST /import", (ctx, call) -> create(ctx, core, call, TableKind.PROFILE_TABLE),
        routes.retired("/mass-imports", "/v4/entity/{e}/table/{t}/import"));

    routes.add(HandlerType.GET, "GET /import/result", (ctx, call) -> {
      ImportJob job = job(ctx, core, call);
      ObjectNode body = core.mapper().createObjectNode();
      // the status before the counts: finish() sets the counts, then the status, so counts read after a
      // FINISHED status are the final ones (read first, they could be a running import's zeros)
      ImportJob.Status status = job.status();
      ImportJob.Counts c = job.counts();
      body.put("id", job.id());
      body.put("status", status.name());
      body.put("withErrors", c.inError() > 0 || status == ImportJob.Status.FAILED);
      body.put("rowsTotal", c.total());
      body.put("rowsCreated", c.created());
      body.put("rowsUpdated", c.updated());
      body.put("rowsSkipped", c.skipped());
      body.put("rowsInError", c.inError());
      body.put("mode", job.parameters().mode().name());
      if (job.failure() != null) {
        body.put("failure", job.failure());
      }
      Bodies.send(ctx, core.mapper(), 200, body);
    }, routes.retired("/mass-imports", "/v4/entity/{e}/import/{id}/result"));

    routes.add(HandlerType.GET, "GET /import/result-file", true, false, (ctx, call) -> {
      ImportJob job = job(ctx, core, call);
      if (job.status() != ImportJob.Status.FINISHED || !job.parameters().generateResultFile()) {
        throw new NotFoundException("No result file for import " + job.id()
            + (job.status() == ImportJob.Status.RUNNING ? " yet: it is still RUNNING" : ""));
      }
      Charset cs = job.parameters().charset();
      ctx.status(200).contentType("text/csv; charset=" + cs.name())
          .header("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-result.csv\"")
          .result(ResultFileWriter.write(job).getBytes(cs));
    }, routes.retired("/mass-imports", "/v4/entity/{e}/import/{id}/result-file"));
  }

  private static ImportJob job(Context ctx, EmulatorCore core, Call call) {
    String raw = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new NotFoundException("No import " + raw);
    }
    return core.imports().get(call.entity(), id).orElseThrow(() -> new NotFoundException("No import " + raw));
  }

  private static void create(Context ctx, EmulatorCore core, Call call, TableKind kind) throws Exception {
    Multipart.FilePart input = Multipart.file(ctx, "inputFile", core.limits().maxImportBytes());
    JsonNode params = core.mapper().readTree(Multipart.text(ctx, "parameters"));
    if (params == null || !params.isObject()) {
      throw new ValidationException("parameters", "The 'parameters' part must be a JSON object");
    }
    ImportJob job = core.imports().create(call.entity(), kind, ctx.pathParam("t"), input.bytes(), params);
    Bodies.send(ctx, core.mapper(), 200, core.mapper().createObjectNode().put("id", job.id()));
  }
}
