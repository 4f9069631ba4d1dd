package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One {@code --profiles.attributes=PROFILE_ATTRIBUTE=VALUE} into the config tree (pure): a VALUE
 * {@code column:COLUMN[:TYPE]} is the file's {@code {column: COLUMN, type: TYPE}} (a segment column
 * used only for profiles), anything else the old form, a custom-table attribute.
 */
final class ProfileAttributeOption {
  /** How the option names a segment column instead of a custom-table attribute. */
  static final String COLUMN_PREFIX = "column:";

  private ProfileAttributeOption() {}

  static void put(ObjectNode map, String path, String attribute, String value, List<ConfigProblem> problems) {
    if (!value.startsWith(COLUMN_PREFIX)) {
      map.put(attribute, value);
      return;
    }
    String[] parts = value.substring(COLUMN_PREFIX.length()).split(":", -1);
    ObjectNode item = map.putObject(attribute);
    item.put("column", parts[0]);
    if (parts.length > 1) {
      item.put("type", parts[1]);
    }
    if (parts.length > 2) {
      problems.add(ConfigProblem.of(path + "." + attribute,
          "expected column:COLUMN[:TYPE] on the command line, got '" + value + "'"));
    }
  }
}
