package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.imports.ErrorReportMode;
import org.actitosync.emulator.imports.EtlExecution;
import org.actitosync.emulator.imports.EtlService;
import org.actitosync.emulator.imports.ImportJob;
import org.actitosync.emulator.imports.ResultFileWriter;
import org.actitosync.emulator.model.NotFoundException;
import org.actitosync.emulator.validation.ValidationException;

/**
 * v5 ETL executions under {@code /mass-imports/v5/entities/{e}} (contract "v5 ETL executions"): the seeded
 * ETL definitions, a triggered execution (multipart part {@code inputFile}), a one-shot execution (parts
 * {@code inputFile} and {@code etlDefinition}), the execution status and its error report. These routes
 * have no classic (un-prefixed) form.
 */
public final class EtlRoutes {
  static final String BASE = "/mass-imports/v5/entities/{e}";

  private EtlRoutes() {
  }

  public static void register(RouteTable routes, EmulatorCore core) {
    EtlService etls = core.etls();
    routes.add(HandlerType.GET, "GET /etls", (ctx, call) -> {
      ObjectNode body = core.mapper().createObjectNode();
      ArrayNode list = body.putArray("etls");
      etls.definitions(call.entity()).forEach(d -> list.add(d.def().definition()));
      Bodies.send(ctx, core.mapper(), 200, body);
    }, BASE + "/etls");
    routes.add(HandlerType.GET, "GET /etls/{id}", (ctx, call) -> Bodies.send(ctx, core.mapper(), 200,
        etls.definition(call.entity(), ctx.pathParam("etlId")).def().definition()), BASE + "/etls/{etlId}");
    routes.add(HandlerType.POST, "POST /etls/{id}/trigger-execution", (ctx, call) -> {
      Multipart.FilePart input = Multipart.file(ctx, "inputFile", core.limits().maxImportBytes());
      created(ctx, core, etls.trigger(call.entity(), ctx.pathParam("etlId"), input.fileName(), input.bytes()));
    }, BASE + "/etls/{etlId}/trigger-execution");
    routes.add(HandlerType.POST, "POST /etl-executions", (ctx, call) -> {
      Multipart.FilePart input = Multipart.file(ctx, "inputFile", core.limits().maxImportBytes());
      JsonNode definition = core.mapper().readTree(Multipart.text(ctx, "etlDefinition"));
      if (definition == null || !definition.isObject()) {
        throw new ValidationException("etlDefinition", "The 'etlDefinition' part must be a JSON object");
      }
      created(ctx, core, etls.oneShot(call.entity(), definition, input.fileName(), input.bytes()));
    }, BASE + "/etl-executions");
    routes.add(HandlerType.GET, "GET /etl-executions/{id}", (ctx, call) -> Bodies.send(ctx, core.mapper(), 200,
        status(core, call.entity(), etls.execution(call.entity(), ctx.pathParam("id")))),
        BASE + "/etl-executions/{id}");
    routes.add(HandlerType.GET, "GET /etl-executions/{id}/error-report", true, false, (ctx, call) -> {
      EtlExecution execution = etls.execution(call.entity(), ctx.pathParam("id"));
      ErrorReportMode mode = etls.errorReports();
      if (!execution.hasErrorReport() || mode == ErrorReportMode.MISSING) {
        throw new NotFoundException("No error report for ETL execution " + execution.id()
            + (mode == ErrorReportMode.MISSING ? "" : " (status " + execution.status() + ")"));
      }
      String body = mode == ErrorReportMode.GARBLED
          ? "<html><body><h1>502 Bad Gateway</h1><p>The report service did not answer.</p></body></html>\n"
          : ResultFileWriter.errorReport(execution.job());
      ctx.status(200).contentType("text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"etl-execution-" + execution.id()
              + "-error-report.csv\"")
          .result(body.getBytes(StandardCharsets.UTF_8));
    }, BASE + "/etl-executions/{id}/error-report");
  }

  private static void created(Context ctx, EmulatorCore core, EtlExecution execution) throws Exception {
    Bodies.send(ctx, core.mapper(), 200,
        core.mapper().createObjectNode().put("executionId", Long.toString(execution.id())));
  }

  /** The status answer; {@code _links.errorReport} only for WITH_ERROR; counters 0 while RUNNING. */
  static ObjectNode status(EmulatorCore core, String entity, EtlExecution execution) {
    ImportJob job = execution.job();
    EtlExecution.Status status = execution.status();
    ObjectNode body = core.mapper().createObjectNode();
    body.put("id", Long.toString(execution.id()));
    body.put("etlId", execution.etlId());
    body.put("status", status.name());
    body.put("startMoment", Bodies.moment(job.startMoment()));
    body.put("endMoment", job.endMoment() == null ? null : Bodies.moment(job.endMoment()));
    ObjectNode file = body.putArray("files").addObject();
    file.put("fileName", execution.fileName());
    file.putObject("table").put("type", execution.tableKind().name()).put("name", execution.table());
    file.put("rowsTotal", job.counts().total());
    file.put("rowsInError", job.counts().inError());
    if (status == EtlExecution.Status.ERROR && job.failure() != null) {
      body.put("failure", job.failure());
    }
    if (status == EtlExecution.Status.WITH_ERROR) {
      body.putObject("_links").putObject("errorReport").put("href",
          "/mass-imports/v5/entities/" + entity + "/etl-executions/" + execution.id() + "/error-report");
    }
    return body;
  }
}
