package org.actitosync.emulator.model;

import java.util.List;

/**
 * An API key of the licence.
 *
 * @param key the raw key sent in {@code Authorization} to {@code /auth/token}
 * @param entities entity names the key may use (403 on others); empty = all entities
 */
public record ApiKeyDef(String key, List<String> entities) {
  public ApiKeyDef {
    entities = List.copyOf(entities);
  }

  /** True when the key has rights on {@code entity}. */
  public boolean allows(String entity) {
    return entities.isEmpty() || entities.contains(entity);
  }
}
