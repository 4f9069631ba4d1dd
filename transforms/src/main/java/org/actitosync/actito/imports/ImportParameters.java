package org.actitosync.actito.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.actito.http.Json;

/**
 * The {@code parameters} part of a v4 import: mode, UTF-8, the file's CSV format, {@code
 * generateResultFile}, and the column → attribute mapping (identity for the file's columns unless
 * given). Field names follow working public code ({@code mode}, {@code encoding}, {@code
 * format.separator}, {@code format.endOfLine}, {@code generateResultFile}, {@code
 * attributesMapping[].headerColumn/attributeName}).
 */
@AutoValue
public abstract class ImportParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract ImportMode mode();

  public abstract boolean generateResultFile();

  /** Header column → attribute name; empty = each column maps to the attribute of that name. */
  public abstract Map<String, String> attributesMapping();

  public static ImportParameters of(ImportMode mode) {
    return new AutoValue_ImportParameters(mode, true, Map.of());
  }

  public ImportParameters withAttributesMapping(Map<String, String> mapping) {
    return new AutoValue_ImportParameters(mode(), generateResultFile(),
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping)));
  }

  public ImportParameters withGenerateResultFile(boolean generate) {
    return new AutoValue_ImportParameters(mode(), generate, attributesMapping());
  }

  /** The JSON sent for {@code file}. */
  public ObjectNode toJson(ImportFile file) {
    ObjectNode n = Json.object();
    n.put("mode", mode().name());
    n.put("encoding", "UTF-8");
    ObjectNode format = n.putObject("format");
    format.put("separator", String.valueOf(file.format().separator()));
    format.put("endOfLine", file.format().endOfLine());
    n.put("generateResultFile", generateResultFile());
    ArrayNode mapping = n.putArray("attributesMapping");
    if (attributesMapping().isEmpty()) {
      file.columns().forEach(c -> mapping.addObject().put("headerColumn", c).put("attributeName", c));
    } else {
      attributesMapping().forEach(
          (h, a) -> mapping.addObject().put("headerColumn", h).put("attributeName", a));
    }
    return n;
  }
}
