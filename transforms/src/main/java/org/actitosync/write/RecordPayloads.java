package org.actitosync.write;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteSemantics;

/**
 * The attributes a record call sends for a change: the key attribute first, then every changed
 * attribute in name order, with its wire value; a changed attribute whose value became null is sent
 * as null (cleared), except on a create-only, where a new record has nothing to clear. Pure and
 * deterministic: a replay sends the same payload.
 */
public final class RecordPayloads {
  private RecordPayloads() {}

  public static Map<String, Object> of(Classification change, WriterConfig config) {
    if (change.kind() != ChangeKind.INSERT && change.kind() != ChangeKind.UPDATE) {
      throw new IllegalArgumentException("no payload for a " + change.kind());
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    String key = config.keyAttribute();
    payload.put(key, WireValues.toWire(config.type(key), change.key(), config.timeZone()));
    boolean createOnly = change.semantics() == WriteSemantics.CREATE_ONLY;
    for (String attribute : change.changedAttributes()) {
      if (attribute.equals(key)) {
        continue;
      }
      String value = change.values().get(attribute);
      if (value == null && createOnly) {
        continue;
      }
      payload.put(attribute, WireValues.toWire(config.type(attribute), value, config.timeZone()));
    }
    return payload;
  }
}
