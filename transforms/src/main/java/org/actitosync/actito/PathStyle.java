package org.actitosync.actito;

/**
 * How the routes of one API family are spelled.
 *
 * <ul>
 *   <li>{@link #CLASSIC}: {@code /v4/entity/{e}/...} and {@code /v5/entities/{e}/...}, as used by
 *       all public code that calls Actito.
 *   <li>{@link #PREFIXED}: the same routes under the API family's prefix, as now shown in Actito's
 *       portal: {@code /custom-data/v4/...}, {@code /custom-table-structure/v5/...},
 *       {@code /profile-table-structure/v5/...}, {@code /profile-data/v4/...},
 *       {@code /mass-imports/v4/...}.
 * </ul>
 *
 * <p>Whether Actito serves both styles in parallel is not confirmed, hence the choice per family.
 */
public enum PathStyle {
  CLASSIC,
  PREFIXED
}
