package org.actitosync.actito;

/**
 * How the routes of one API family are spelled.
 *
 * <ul>
 *   <li>{@link #PREFIXED} (the default): every route under its API family's prefix, the only
 *       spelling Actito serves since the end of June 2025 (Actito's page "API Reference
 *       Reorganization"): {@code /custom-data/v4/...}, {@code /profiles/v4/...}, {@code
 *       /custom-table-structure/v5/...}, {@code /profile-table-structure/v5/...}, {@code
 *       /mass-imports/...}, {@code /entities/v5/...}.
 *   <li>{@link #CLASSIC}: the un-prefixed {@code /v4/entity/{e}/...} and {@code
 *       /v5/entities/{e}/...}, for environments from before that reorganization.
 * </ul>
 */
public enum PathStyle {
  CLASSIC,
  PREFIXED
}
