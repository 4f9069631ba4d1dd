package org.actitosync.actito.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * Reads a profile's technical id from an Actito answer, wherever Actito puts it: a top-level
 * {@code "profileId"} (the documented profile POST answer) or an entry {@code {"name":"profileId",
 * "value":…}} of the {@code attributes} list (the GET shape of Actito's own SDK tests). The value
 * may be a JSON number or a string of digits, and must be positive. Anything else (absent, null,
 * not a positive whole number) is empty: never a guessed id.
 */
final class ProfileIds {
  static final String FIELD = "profileId";

  private ProfileIds() {}

  static OptionalLong read(JsonNode body) {
    if (body == null) {
      return OptionalLong.empty();
    }
    OptionalLong top = asId(body.get(FIELD));
    if (top.isPresent()) {
      return top;
    }
    JsonNode attributes = body.get("attributes");
    if (attributes != null && attributes.isArray()) {
      for (JsonNode pair : attributes) {
        if (FIELD.equals(pair.path("name").asText(null))) {
          return asId(pair.get("value"));
        }
      }
    }
    return OptionalLong.empty();
  }

  private static OptionalLong asId(JsonNode value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    long id = 0;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      id = value.asLong();
    } else if (value.isTextual()) {
      String s = value.asText().trim();
      if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        id = Long.parseLong(s);
      }
    }
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }
}
