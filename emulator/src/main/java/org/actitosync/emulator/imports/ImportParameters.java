package org.actitosync.emulator.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.emulator.validation.ValidationException;

/**
 * The {@code parameters} part of a v4 import.
 *
 * @param mode import mode, default CREATE_UPDATE
 * @param charset from {@code encoding}, default UTF-8
 * @param separator {@code format.separator}, default ';'
 * @param generateResultFile whether {@code result-file} is served, default true
 * @param mappings {@code attributesMapping}; empty = CSV headers are attribute names
 */
public record ImportParameters(ImportMode mode, Charset charset, char separator, boolean generateResultFile,
    List<Mapping> mappings) {

  /** One {@code attributesMapping} entry. */
  public record Mapping(String headerColumn, String attributeName) {
  }

  public ImportParameters {
    mappings = List.copyOf(mappings);
  }

  /** Parses a v4 {@code parameters} JSON; 400 on an unknown mode, encoding or a separator that is not one character. */
  public static ImportParameters parse(JsonNode n) {
    return parse(n, "", "encoding", n.path("generateResultFile").asBoolean(true));
  }

  /**
   * Parses {@code mode}, the encoding at {@code encodingPath} (dotted), {@code format.separator} and
   * {@code attributesMapping} of {@code n}; absent values take the v4 defaults. A bad value is a 400 naming
   * the field as {@code prefix + name} (e.g. {@code files[0].format.separator}).
   */
  public static ImportParameters parse(JsonNode n, String prefix, String encodingPath, boolean generateResultFile) {
    ImportMode mode;
    try {
      mode = ImportMode.valueOf(n.path("mode").asText("CREATE_UPDATE"));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(prefix + "mode", "Unknown import mode '" + n.path("mode").asText() + "'");
    }
    Charset charset;
    String encoding = at(n, encodingPath).asText("UTF-8");
    try {
      charset = Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ValidationException(prefix + encodingPath, "Unknown encoding '" + encoding + "'");
    }
    String sep = n.path("format").path("separator").asText(";");
    if ("\\t".equals(sep)) {
      sep = "\t";
    }
    if (sep.length() != 1) {
      throw new ValidationException(prefix + "format.separator", "The separator must be one character, got '"
          + sep + "'");
    }
    List<Mapping> mappings = new ArrayList<>();
    for (JsonNode m : n.path("attributesMapping")) {
      String header = m.path("headerColumn").asText(null);
      String attr = m.path("attributeName").asText(null);
      if (header == null || attr == null) {
        throw new ValidationException(prefix + "attributesMapping", "attributesMapping entries need headerColumn "
            + "and attributeName: " + m);
      }
      mappings.add(new Mapping(header, attr));
    }
    return new ImportParameters(mode, charset, sep.charAt(0), generateResultFile, mappings);
  }

  /** The node at a dotted path ({@code format.encoding}); missing when absent. */
  static JsonNode at(JsonNode n, String dotted) {
    JsonNode cur = n;
    for (String part : dotted.split("\\.")) {
      cur = cur.path(part);
    }
    return cur;
  }
}
