package org.actitosync.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ETL definition seeded in the data file (top-level {@code "etls"}), e.g.
 * {@code {"entity":"demo","id":"123456","name":"orders-daily","table":{"type":"CUSTOM_TABLE","name":"orders"},
 * "mode":"CREATE_UPDATE","format":{"separator":";","encoding":"UTF-8"}}}. Its table, mode and format are
 * checked when the emulator starts ({@link org.actitosync.emulator.imports.EtlService}).
 *
 * @param entity the entity it belongs to
 * @param id its id (a JSON string or number in the file, kept as text)
 * @param definition the definition as served by the API: the data-file object without {@code entity}
 */
public record EtlDef(String entity, String id, ObjectNode definition) {
  public EtlDef {
    definition = definition.deepCopy();
  }

  /** Parses one entry of {@code "etls"}; {@link DataFileException} without an entity or an id. */
  static EtlDef parse(JsonNode node) {
    if (!node.isObject()) {
      throw new DataFileException("etls: an ETL definition must be a JSON object: " + node);
    }
    String entity = node.path("entity").asText(null);
    String id = node.hasNonNull("id") && node.get("id").isValueNode() ? node.get("id").asText() : null;
    if (entity == null || id == null || id.isEmpty()) {
      throw new DataFileException("etls: an ETL definition needs an entity and an id: " + node);
    }
    ObjectNode served = ((ObjectNode) node).deepCopy();
    served.remove("entity");
    return new EtlDef(entity, id, served);
  }
}
