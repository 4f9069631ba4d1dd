package org.actitosync.actito.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.actitosync.actito.Operation;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.actitosync.actito.http.Json;

/**
 * Table structures (v5 data-model APIs). Reads are idempotent. {@link #addAttribute} posts a
 * change request; the body shape ({@code {"operations":[{"type":"ADD_ATTRIBUTE","attribute":…}]}})
 * is inferred (Actito's schema is not public) and agreed with the emulator. A replay after a lost
 * response fails with a 400 "attribute exists"; callers should re-read the structure first.
 * Answers are read tolerantly (unknown fields ignored, see {@link TableStructure#fromJson}).
 */
public final class StructureApi {
  private final ActitoHttp http;
  private final ActitoPaths paths;

  public StructureApi(ActitoHttp http, ActitoPaths paths) {
    this.http = http;
    this.paths = paths;
  }

  /** The custom table by id or name; empty on 404. */
  public Optional<TableStructure> customTable(String idOrName) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.GET_CUSTOM_TABLE, "GET",
        paths.customTable(idOrName), null).passingThrough(404));
    return r.status() == 404 ? Optional.empty() : Optional.of(TableStructure.fromJson(r.json(), idOrName));
  }

  /** The profile table by id or name; empty on 404. */
  public Optional<TableStructure> profileTable(String idOrName) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.GET_PROFILE_TABLE, "GET",
        paths.profileTable(idOrName), null).passingThrough(404));
    return r.status() == 404 ? Optional.empty() : Optional.of(TableStructure.fromJson(r.json(), idOrName));
  }

  /** Adds one attribute to a custom table through a change request. */
  public ChangeRequestResult addAttribute(String tableIdOrName, AttributeDefinition attribute) {
    ObjectNode body = Json.object();
    ObjectNode op = body.putArray("operations").addObject();
    op.put("type", "ADD_ATTRIBUTE");
    op.set("attribute", attribute.toJson());
    ApiResponse r = http.execute(ApiRequest.of(Operation.ADD_ATTRIBUTE, "POST",
        paths.changeRequests(tableIdOrName), Json.content(body)));
    JsonNode n = r.json();
    return ChangeRequestResult.of(n.path("id").asText(""), n.path("status").asText(""));
  }
}
