package org.actitosync.emulator.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.emulator.model.TableKind;
import org.actitosync.emulator.validation.ValidationException;

/**
 * What an ETL definition says about its data file: the table, the import parameters (mode, separator,
 * encoding, mapping) and, for a one-shot execution, the file name. Field names are the contract's
 * (inferred): {@code table.type} ({@code CUSTOM_TABLE}|{@code PROFILE_TABLE}), {@code table.name},
 * {@code mode}, {@code format.separator}, {@code format.encoding}, {@code attributesMapping},
 * {@code fileName}. Every problem is a 400 naming the field by its path in the definition.
 *
 * @param fileName the expected data-file name (one-shot), null for a seeded definition
 */
public record EtlFileSpec(TableKind tableKind, String table, ImportParameters parameters, String fileName) {
  private static final List<String> SEEDED_REQUIRED = List.of("table.type", "table.name");
  private static final List<String> ONE_SHOT_REQUIRED = List.of("fileName", "table.type", "table.name", "mode",
      "format.separator", "format.encoding");

  /**
   * A definition seeded in the data file: {@code table} required; {@code mode} and {@code format} default
   * to CREATE_UPDATE, {@code ;}, UTF-8; no mapping (the file's header names the attributes).
   */
  public static EtlFileSpec seeded(JsonNode definition) {
    return parse(definition, "", SEEDED_REQUIRED, false);
  }

  /** {@code files[0]} of a one-shot definition; every field required ({@code attributesMapping} may be empty). */
  public static EtlFileSpec oneShot(JsonNode definition) {
    if (definition == null || !definition.isObject()) {
      throw new ValidationException("etlDefinition", "The ETL definition must be a JSON object");
    }
    JsonNode files = definition.path("files");
    if (!files.isArray() || files.isEmpty() || !files.get(0).isObject()) {
      throw new ValidationException("files", "The ETL definition needs 'files', an array with one file object");
    }
    JsonNode file = files.get(0);
    if (!file.path("attributesMapping").isArray()) {
      throw new ValidationException("files[0].attributesMapping", "'files[0].attributesMapping' must be an array");
    }
    return parse(file, "files[0].", ONE_SHOT_REQUIRED, true);
  }

  private static EtlFileSpec parse(JsonNode n, String prefix, List<String> required, boolean oneShot) {
    List<String> missing = new ArrayList<>();
    for (String path : required) {
      JsonNode v = ImportParameters.at(n, path);
      if (!v.isTextual() || v.asText().isEmpty()) {
        missing.add(prefix + path);
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationException(missing.get(0), "The ETL definition lacks a text value for "
          + String.join(", ", missing));
    }
    String type = n.path("table").path("type").asText();
    TableKind kind;
    try {
      kind = TableKind.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(prefix + "table.type", "Unknown table type '" + type
          + "' (CUSTOM_TABLE or PROFILE_TABLE)");
    }
    ImportParameters params = ImportParameters.parse(n, prefix, "format.encoding", false);
    return new EtlFileSpec(kind, n.path("table").path("name").asText(), params,
        oneShot ? n.path("fileName").asText() : null);
  }
}
