package org.actitosync.emulator;

/**
 * Which spellings of Actito's routes the emulator serves. Actito retired the un-prefixed routes and
 * the v4 mass imports at the end of June 2025 (Actito's pages "API Reference Reorganization" and
 * "Migrating V4 Imports to ETL Executions"). Routes registered with direct paths ({@code
 * /auth/token}, the v5 ETL routes under {@code /mass-imports/v5/...}) and the {@code /_emulator/}
 * admin routes are served in every set.
 */
public enum RouteSet {
  /** Today's Actito (the default): only family-prefixed routes; un-prefixed and v4 import routes → 404. */
  PREFIXED,
  /** Prefixed and classic routes, plus the v4 imports under both spellings. */
  BOTH,
  /** An Actito environment from before June 2025: classic routes and v4 imports only; prefixed → 404. */
  LEGACY;

  /** Whether the family-prefixed spelling is served. */
  public boolean servesPrefixed() {
    return this != LEGACY;
  }

  /** Whether the classic (un-prefixed) spelling and the v4 import routes are served. */
  public boolean servesClassic() {
    return this != PREFIXED;
  }
}
