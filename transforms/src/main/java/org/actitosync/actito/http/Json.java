package org.actitosync.actito.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.HttpContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The client's JSON handling (Jackson). Values sent to Actito are limited to JSON's own types:
 * {@code null}, {@link String} (string), {@link Boolean} (boolean), and finite {@link Number}s
 * ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code
 * BigDecimal}, {@code Double}, {@code Float}) as JSON numbers. Anything else (dates, enums, …) is
 * rejected with {@link IllegalArgumentException}: convert it first (DATE {@code yyyy-MM-dd},
 * TIMESTAMP {@code yyyy-MM-dd HH:mm:ss} strings). Numbers read back are {@code Integer}/{@code
 * Long}/{@code BigInteger} or {@code BigDecimal} (never {@code Double}, to keep precision).
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  public static final String MEDIA_TYPE = "application/json";

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static HttpContent content(JsonNode node) {
    try {
      return new ByteArrayContent(MEDIA_TYPE, MAPPER.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a response body; an empty body gives an empty object. */
  public static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return object();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("Actito returned a body that is not JSON", e);
    }
  }

  /** Checks {@code value} is one of the supported JSON types and converts it to a node. */
  public static JsonNode valueNode(String attribute, Object value) {
    if (value == null) {
      return MAPPER.nullNode();
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal) {
      return MAPPER.valueToTree(value);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("attribute " + attribute + ": non-finite number");
      }
      return MAPPER.valueToTree(value);
    }
    throw new IllegalArgumentException(
        "attribute "
            + attribute
            + ": unsupported value type "
            + value.getClass().getName()
            + " (send String, Boolean, a finite Number or null; convert dates to strings)");
  }

  /** Converts a JSON value read from Actito to a plain Java value. */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return MAPPER.convertValue(node, Object.class);
  }

  /** Builds {@code [{"name":…,"value":…}, …]} pairs in the map's iteration order. */
  public static com.fasterxml.jackson.databind.node.ArrayNode namedValues(
      Map<String, ?> values) {
    com.fasterxml.jackson.databind.node.ArrayNode array = MAPPER.createArrayNode();
    values.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("attribute name must not be empty");
          }
          ObjectNode pair = array.addObject();
          pair.put("name", name);
          pair.set("value", valueNode(name, value));
        });
    return array;
  }

  /** Reads {@code [{"name":…,"value":…}, …]} back into an ordered map. */
  public static Map<String, Object> fromNamedValues(JsonNode array) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    if (array != null && array.isArray()) {
      for (JsonNode pair : array) {
        out.put(pair.path("name").asText(), toJava(pair.get("value")));
      }
    }
    return out;
  }
}
