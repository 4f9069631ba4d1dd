package org.actitosync.runners.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.limits.Limits;
import org.actitosync.emulator.limits.RateMode;
import org.actitosync.pipeline.source.Postgres;

/**
 * A tiny activation for the runner jars' end-to-end tests: an {@code orders} table in the embedded
 * PostgreSQL, an empty Actito {@code orders} custom table in the emulator (started in this JVM on a
 * free port), the API key in a file and the activation's YAML in {@code dir}. {@link #source()} and
 * {@link #destination()} render both sides the same way, so a synced table compares equal.
 */
public final class Activation implements AutoCloseable {
  static final String KEY = "runners-it-key-5f2a";
  public final ActitoEmulator emulator;
  public final Path dir;
  public final String table;

  /** An emulator without the per-minute limit (functional tests). */
  public Activation(Path dir, String name) {
    this(dir, name, ActitoEmulator.builder().data(data()).port(0).rateMode(RateMode.OFF));
  }

  /**
   * An emulator with exactly {@code limits}, e.g. {@link Limits#DEFAULTS} (Actito's documented
   * limits), for the tests that measure how the writer keeps them.
   */
  public Activation(Path dir, String name, Limits limits) {
    this(dir, name, ActitoEmulator.builder().data(data()).port(0).limits(limits));
  }

  private Activation(Path dir, String name, ActitoEmulator.Builder emulator) {
    this.dir = dir;
    this.table = "orders_" + name.replace('-', '_');
    this.emulator = emulator.start();
    try {
      Files.writeString(dir.resolve("api.key"), KEY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sql("DROP TABLE IF EXISTS " + table,
        "CREATE TABLE " + table + " (order_id text, customer_id bigint, amount numeric(12,2), status text)");
  }

  static String data() {
    return "{\"entities\":[{\"id\":1,\"name\":\"demo\"}],"
        + "\"apiKeys\":[{\"key\":\"" + KEY + "\",\"entities\":[\"demo\"]}],"
        + "\"limits\":{\"rateMode\":\"OFF\",\"importProcessingDelayMillis\":10},"
        + "\"customTables\":[{\"entity\":\"demo\",\"id\":\"a4aa57cd-0000-0000-0000-000000000002\",\"name\":\"orders\","
        + "\"primaryKeyAttribute\":\"orderId\",\"attributes\":["
        + "{\"name\":\"orderId\",\"valueType\":\"STRING\",\"mandatory\":true,\"unique\":true},"
        + "{\"name\":\"customerId\",\"valueType\":\"LONG\"},{\"name\":\"amount\",\"valueType\":\"NUMBER\"},"
        + "{\"name\":\"status\",\"valueType\":\"STRING\"}],"
        + "\"records\":[]}]}";
  }

  /** Runs SQL against the source table's database. */
  public void sql(String... statements) {
    try {
      Postgres.execute(statements);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the activation's YAML for {@code mode} and returns its path. */
  public Path config(String mode) {
    String yaml = "name: " + table.replace('_', '-') + "\n"
        + "source:\n  jdbc:\n    url: " + Postgres.url() + "\n"
        + "    query: SELECT * FROM " + table + "\n"
        + "key: order_id\nmapping:\n"
        + "  - {column: order_id, attribute: orderId}\n"
        + "  - {column: customer_id, attribute: customerId}\n"
        + "  - {column: amount, attribute: amount}\n"
        + "  - {column: status, attribute: status}\n"
        + "mode: " + mode + "\n"
        + "target:\n  baseUrl: " + emulator.baseUrl() + "\n"
        + "  entity: demo\n  table: orders\n  apiKeyFile: " + dir.resolve("api.key") + "\n"
        + "snapshot:\n  root: " + dir.resolve("snapshots") + "\n";
    Path file = dir.resolve(table + "-" + mode + ".yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The source table: order id → "customerId|amount|status". */
  public Map<String, String> source() {
    Map<String, String> rows = new TreeMap<>();
    try (Connection connection = Postgres.server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT order_id, customer_id, amount, status FROM " + table)) {
      while (rs.next()) {
        rows.put(rs.getString(1), row(rs.getObject(2), rs.getObject(3), rs.getObject(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** The emulator's table, rendered as {@link #source()}. */
  public Map<String, String> destination() {
    Map<String, String> rows = new TreeMap<>();
    for (Map<String, Object> record : emulator.admin().records("demo", "orders")) {
      rows.put((String) record.get("orderId"), row(record.get("customerId"), record.get("amount"), record.get("status")));
    }
    return rows;
  }

  private static String row(Object customerId, Object amount, Object status) {
    String amountText = amount == null ? "null" : new BigDecimal(String.valueOf(amount)).stripTrailingZeros().toPlainString();
    return customerId + "|" + amountText + "|" + status;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
