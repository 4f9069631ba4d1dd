package org.actitosync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.emulator.model.RowSnapshot;
import org.actitosync.emulator.model.TableDef;
import org.actitosync.emulator.validation.ValidationException;
import org.actitosync.emulator.validation.ValueConverter;

/** Reading request bodies and writing response bodies in Actito's shapes. */
public final class Bodies {
  private Bodies() {
  }

  /** Parses a JSON body (400 when missing or invalid). */
  public static JsonNode json(Context ctx, ObjectMapper mapper) throws Exception {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new ApiException(400, "A JSON body is required");
    }
    return mapper.readTree(body);
  }

  /**
   * Reads a {@code [{"name": …, "value": …}]} list (field {@code listField} of the body) into a map;
   * 400 when absent or when a name repeats.
   */
  public static Map<String, JsonNode> nameValues(JsonNode body, String listField) {
    JsonNode list = body.get(listField);
    if (list == null || !list.isArray()) {
      throw new ApiException(400, "The body needs a '" + listField + "' array of {name, value}");
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode p : list) {
      String name = p.path("name").asText(null);
      if (name == null) {
        throw new ApiException(400, "Each entry of '" + listField + "' needs a name");
      }
      if (out.put(name, p.path("value")) != null) {
        throw new ValidationException(name, "Attribute '" + name + "' is given twice");
      }
    }
    return out;
  }

  /** Writes a JSON answer with {@code status}. */
  public static void send(Context ctx, ObjectMapper mapper, int status, Object body) throws Exception {
    ctx.status(status).contentType("application/json").result(mapper.writeValueAsString(body));
  }

  /**
   * {@code [{"name","value"}]} for every structure attribute (null when unset), then, when
   * {@code technical} is not null, the technical attributes ({@code id}/{@code profileId},
   * {@code creationMoment}, {@code updateMoment}).
   */
  public static ArrayNode nameValueList(ObjectMapper mapper, TableDef def, RowSnapshot row, String idName) {
    ArrayNode list = mapper.createArrayNode();
    for (String name : def.attributeNames()) {
      ObjectNode p = list.addObject().put("name", name);
      p.set("value", mapper.valueToTree(row.values().get(name)));
    }
    if (idName != null) {
      list.addObject().put("name", idName).put("value", row.id());
      list.addObject().put("name", "creationMoment").put("value", moment(row.creationMoment()));
      list.addObject().put("name", "updateMoment").put("value", moment(row.updateMoment()));
    }
    return list;
  }

  /** A record as {@code {"properties":[…]}} including the technical attributes. */
  public static ObjectNode record(ObjectMapper mapper, TableDef def, RowSnapshot row) {
    ObjectNode out = mapper.createObjectNode();
    out.set("properties", nameValueList(mapper, def, row, "id"));
    return out;
  }

  /** A profile as {@code {"profileId":n,"attributes":[…],"creationMoment","updateMoment"}}. */
  public static ObjectNode profile(ObjectMapper mapper, TableDef def, RowSnapshot row) {
    ObjectNode out = mapper.createObjectNode();
    out.put("profileId", row.id());
    out.set("attributes", nameValueList(mapper, def, row, null));
    out.put("creationMoment", moment(row.creationMoment()));
    out.put("updateMoment", moment(row.updateMoment()));
    return out;
  }

  /**
   * A profile in Actito's SDK shape: {@code {"attributes":[{"name":"profileId","value":"7"},…,
   * creationMoment, updateMoment],"subscriptions":[],"segmentations":[]}} (the id a string, first).
   */
  public static ObjectNode sdkProfile(ObjectMapper mapper, TableDef def, RowSnapshot row) {
    ObjectNode out = mapper.createObjectNode();
    ArrayNode attributes = out.putArray("attributes");
    attributes.addObject().put("name", "profileId").put("value", String.valueOf(row.id()));
    for (JsonNode pair : nameValueList(mapper, def, row, null)) {
      attributes.add(pair);
    }
    attributes.addObject().put("name", "creationMoment").put("value", moment(row.creationMoment()));
    attributes.addObject().put("name", "updateMoment").put("value", moment(row.updateMoment()));
    out.putArray("subscriptions");
    out.putArray("segmentations");
    return out;
  }

  /** Flat admin view {@code {"attr": value}}; with {@code technicalName}, the id and moments too. */
  public static ObjectNode flat(ObjectMapper mapper, RowSnapshot row, String technicalName, boolean technical) {
    ObjectNode out = mapper.createObjectNode();
    if (technicalName.equals("profileId")) {
      out.put("profileId", row.id());
    }
    row.values().forEach((k, v) -> out.set(k, mapper.valueToTree(v)));
    if (technical) {
      if (!technicalName.equals("profileId")) {
        out.put(technicalName, row.id());
      }
      out.put("creationMoment", moment(row.creationMoment()));
      out.put("updateMoment", moment(row.updateMoment()));
    }
    return out;
  }

  /** Technical moments as {@code yyyy-MM-dd HH:mm:ss} UTC. */
  public static String moment(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDateTime().format(ValueConverter.TIMESTAMP);
  }
}
