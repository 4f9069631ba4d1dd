package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
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
      ImportJob.Counts c = job.counts();
      body.put("id", job.id());
      body.put("status", job.status().name());
      body.put("withErrors", c.inError() > 0 || job.status() == ImportJob.Status.FAILED);
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
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw new ApiException(415, "An import is a multipart/form-data request");
    }
    UploadedFile input = ctx.uploadedFile("inputFile");
    if (input == null) {
      throw new ValidationException("inputFile", "Missing multipart part 'inputFile'");
    }
    long max = core.limits().maxImportBytes();
    if (input.size() > max) {
      throw new ValidationException("inputFile", "The import file is " + input.size() + " bytes, more than the "
          + max + " bytes allowed");
    }
    byte[] bytes;
    try (InputStream in = input.content()) {
      bytes = in.readAllBytes();
    }
    JsonNode params = core.mapper().readTree(parameters(ctx));
    if (params == null || !params.isObject()) {
      throw new ValidationException("parameters", "The 'parameters' part must be a JSON object");
    }
    ImportJob job = core.imports().create(call.entity(), kind, ctx.pathParam("t"), bytes, params);
    Bodies.send(ctx, core.mapper(), 200, core.mapper().createObjectNode().put("id", job.id()));
  }

  private static String parameters(Context ctx) throws Exception {
    UploadedFile file = ctx.uploadedFile("parameters");
    if (file != null) {
      try (InputStream in = file.content()) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    String field = ctx.formParam("parameters");
    if (field == null) {
      throw new ValidationException("parameters", "Missing multipart part 'parameters'");
    }
    return field;
  }
}
