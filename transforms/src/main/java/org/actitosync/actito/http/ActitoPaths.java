package org.actitosync.actito.http;

import static org.actitosync.actito.http.PathEscaper.escape;

import org.actitosync.actito.PathStyle;
import org.actitosync.actito.PathStyles;

/**
 * Builds the (already escaped) paths of the Actito routes the client uses, in the configured
 * {@link PathStyle} of each API family. Every caller-supplied piece (entity, table, key,
 * attribute, value) is escaped as one path segment by {@link PathEscaper}.
 */
public final class ActitoPaths {
  public static final String TOKEN = "/auth/token";

  private final String entity;
  private final PathStyles styles;

  public ActitoPaths(String entity, PathStyles styles) {
    this.entity = escape(entity);
    this.styles = styles;
  }

  private static String prefix(PathStyle style, String family) {
    return style == PathStyle.PREFIXED ? "/" + family : "";
  }

  private String v4(PathStyle style, String family) {
    return prefix(style, family) + "/v4/entity/" + entity;
  }

  private String v5(PathStyle style, String family) {
    return prefix(style, family) + "/v5/entities/" + entity;
  }

  // ---- custom-table records (custom-data) ----

  public String records(String table) {
    return v4(styles.customData(), "custom-data") + "/customTable/" + escape(table) + "/record";
  }

  public String record(String table, String key) {
    return records(table) + "/" + escape(key);
  }

  // ---- structures ----

  /** The entity's custom tables (list). */
  public String customTables() {
    return v5(styles.customTableStructure(), "custom-table-structure") + "/custom-tables";
  }

  public String customTable(String idOrName) {
    return customTables() + "/" + escape(idOrName);
  }

  public String changeRequests(String tableIdOrName) {
    return customTable(tableIdOrName) + "/change-requests";
  }

  public String profileTable(String idOrName) {
    return v5(styles.profileTableStructure(), "profile-table-structure")
        + "/profile-tables/"
        + escape(idOrName);
  }

  // ---- profiles ----

  public String profiles(String table) {
    return v4(styles.profiles(), "profiles") + "/table/" + escape(table) + "/profile";
  }

  /** {@code …/profile/{attribute}={value}}: the '=' is literal, both sides are escaped. */
  public String profileByAttribute(String table, String attribute, String value) {
    return profiles(table) + "/" + escape(attribute) + "=" + escape(value);
  }

  // ---- v5 ETL executions (mass-imports; no classic form: always prefixed) ----

  private String etlRoot() {
    return "/mass-imports/v5/entities/" + entity;
  }

  public String etl(String etlId) {
    return etlRoot() + "/etls/" + escape(etlId);
  }

  public String etlTrigger(String etlId) {
    return etl(etlId) + "/trigger-execution";
  }

  public String etlExecutions() {
    return etlRoot() + "/etl-executions";
  }

  public String etlExecution(String executionId) {
    return etlExecutions() + "/" + escape(executionId);
  }
}
