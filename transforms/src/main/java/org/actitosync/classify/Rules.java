package org.actitosync.classify;

/** Stable codes for why a key was skipped or rejected; they appear in reports and dead letters. */
public final class Rules {
  /** INSERT mode never modifies an existing record: a changed key is held back. */
  public static final String INSERT_IGNORES_CHANGES = "INSERT_IGNORES_CHANGES";
  /** Only MIRROR deletes: in other modes a key gone from the source stays in Actito. */
  public static final String MODE_KEEPS_GONE_KEYS = "MODE_KEEPS_GONE_KEYS";
  /** A key gone from the source that this activation never wrote: never deleted, forgotten. */
  public static final String GONE_NEVER_WRITTEN = "GONE_NEVER_WRITTEN";

  /** Rows whose key is null or empty. */
  public static final String NULL_KEY = "NULL_KEY";
  /** Several source rows share the key: none is sent, the previous entry is kept. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
  /**
   * The key is {@code .} or {@code ..}: a URL path segment cannot address it (clients and servers
   * resolve it as a path step), so no record call could name it. Rejected before any call, the
   * previous entry kept.
   */
  public static final String UNADDRESSABLE_KEY = "UNADDRESSABLE_KEY";
  /** A value cannot be converted to its attribute's type. */
  public static final String INVALID_VALUE = "INVALID_VALUE";

  private Rules() {}
}
