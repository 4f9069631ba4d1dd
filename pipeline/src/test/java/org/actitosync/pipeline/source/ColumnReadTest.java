package org.actitosync.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.actitosync.pipeline.config.JdbcSourceConfig;
import org.actitosync.pipeline.config.SecretRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGResultSetMetaData;

/**
 * How the JDBC source reads each SQL type, against a real PostgreSQL: the typed reads give what
 * {@code getObject} gives, and the binary results the read asks for give the values the text
 * format gives.
 */
class ColumnReadTest {
  @TempDir static Path dir;

  static final String QUERY =
      "SELECT i2, i4, i8, t, v, c, b, bit1, bit3, n, d, ts, tz, f, u, j, a, r, tm, ta FROM every_type ORDER BY i8";

  /** The ColumnRead each of QUERY's columns gets. */
  static final List<ColumnRead> READS =
      List.of(
          ColumnRead.INT, ColumnRead.INT, ColumnRead.LONG, ColumnRead.STRING, ColumnRead.STRING, ColumnRead.STRING,
          ColumnRead.BOOLEAN, ColumnRead.OBJECT, ColumnRead.OBJECT, ColumnRead.DECIMAL, ColumnRead.DATE,
          ColumnRead.TIMESTAMP, ColumnRead.TIMESTAMPTZ, ColumnRead.OBJECT, ColumnRead.OBJECT, ColumnRead.OBJECT,
          ColumnRead.OBJECT, ColumnRead.OBJECT, ColumnRead.OBJECT, ColumnRead.OBJECT);

  @BeforeAll
  static void createTable() throws Exception {
    Postgres.execute(
        "DROP TABLE IF EXISTS every_type",
        "CREATE TABLE every_type (i2 smallint, i4 integer, i8 bigint, t text, v varchar(20), c char(4), b boolean,"
            + " bit1 bit(1), bit3 bit(3), n numeric, d date, ts timestamp, tz timestamptz, f double precision,"
            + " u uuid, j json, a integer[], r real, tm time, ta text[])",
        "INSERT INTO every_type VALUES"
            + " (-32768, -2147483648, -9223372036854775808, 'Zoë', 'vé', 'ab', true, B'1', B'101', 10.50,"
            + "  '1990-02-28', '2024-05-01 08:00:00.123456', '2024-05-01 10:00:00.5+02', 0.1,"
            + "  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"k\": [1, 2]}', '{1,NULL,3}', 0.1, '08:00:01.5', '{a,\"b c\"}'),"
            + " (32767, 2147483647, 9223372036854775807, '', ' ', '', false, B'0', B'000', -0.000,"
            + "  'infinity', '-infinity', 'infinity', -1e300, NULL, 'null', '{}', 'Infinity', '24:00', '{}'),"
            + " (0, 0, 0, 'x', 'x', 'x', NULL, NULL, NULL, 'NaN', '0001-01-01 BC', '1969-12-31 23:59:59.999',"
            + "  '1900-01-01 00:00:00+00', 'NaN', NULL, NULL, NULL, -3.4e38, '00:00', NULL),"
            + " (NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL, 'Infinity', NULL, NULL, NULL, NULL, NULL, NULL,"
            + "  NULL, NULL, NULL, NULL)");
  }

  @Test
  void eachTypeGetsItsReadAndTheTypedReadsGiveWhatGetObjectGives() throws Exception {
    try (Connection c = DriverManager.getConnection(Postgres.url() + "&prepareThreshold=0");
        ResultSet rs = c.createStatement().executeQuery(QUERY)) {
      ResultSetMetaData metadata = rs.getMetaData();
      List<ColumnRead> reads = new ArrayList<>();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        reads.add(ColumnRead.of(metadata, i));
      }
      assertEquals(READS, reads);
      int rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= reads.size(); i++) {
          Object read = reads.get(i - 1).read(rs, i);
          switch (reads.get(i - 1)) {
            case LONG:
            case INT:
            case STRING:
            case BOOLEAN:
              Object expected = rs.getObject(i);
              String what = "row " + rows + ", " + metadata.getColumnName(i);
              assertEquals(expected, read, what);
              if (expected != null) {
                assertEquals(expected.getClass(), read.getClass(), what);
              }
              break;
            default:
              break;
          }
        }
      }
      assertEquals(4, rows);
    }
  }

  @Test
  void nullsReadAsNullWhateverTheRead() throws Exception {
    try (Connection c = DriverManager.getConnection(Postgres.url());
        ResultSet rs = c.createStatement().executeQuery(QUERY.replace("ORDER BY i8", "WHERE i8 = 1"))) {
      rs.next(); // the row of NULLs but i8 and n
      for (int i = 1; i <= READS.size(); i++) {
        if (i != 3 && i != 10) {
          assertNull(READS.get(i - 1).read(rs, i), rs.getMetaData().getColumnName(i));
        }
      }
    }
  }

  @Test
  void theBinaryResultsTheReadAsksForGiveTheValuesOfTheTextFormat() throws Exception {
    List<List<Object>> text = values(Postgres.url() + "&prepareThreshold=0", new Properties());
    Properties binary = new Properties();
    for (String property : JdbcSource.readProperties(Postgres.url()).orElseThrow().split(";")) {
      binary.setProperty(property.split("=")[0], property.split("=")[1]);
    }
    List<List<Object>> fromBinary = values(Postgres.url(), binary);
    assertEquals(text, fromBinary);
    assertEquals("NaN", text.get(1).get(9));
    assertEquals("Infinity", text.get(2).get(9));
    // binary: the integers, the numeric, the date, the timestamps, the double, the uuid and the real
    assertEquals("[1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0]", formats(Postgres.url(), binary).toString());
    assertEquals("[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]", formats(Postgres.url() + "&prepareThreshold=0",
        new Properties()).toString());
  }

  @Test
  void theReadsDataSourceAsksPostgresqlForBinaryUnlessTheUrlSaysOtherwise() throws Exception {
    assertEquals(1, formats(dataSource(Postgres.url())).get(2)); // the bigint column
    assertEquals(0, formats(dataSource(Postgres.url() + "&prepareThreshold=0")).get(2));
  }

  @Test
  void readPropertiesAreForPostgresqlUrlsThatDoNotSetThePrepareThreshold() {
    String binary =
        "prepareThreshold=-1;binaryTransfer=false;binaryTransferEnable="
            + "INT2,INT4,INT8,NUMERIC,FLOAT4,FLOAT8,DATE,TIMESTAMP,TIMESTAMPTZ,UUID";
    assertEquals(Optional.of(binary), JdbcSource.readProperties("jdbc:postgresql://db:5432/dwh"));
    assertEquals(Optional.of(binary), JdbcSource.readProperties("JDBC:PostgreSQL://db/dwh?ssl=true"));
    assertEquals(Optional.of(binary), JdbcSource.readProperties("jdbc:postgresql://db/dwh?applicationName=prepareThreshold"));
    assertEquals(Optional.empty(), JdbcSource.readProperties("jdbc:postgresql://db/dwh?prepareThreshold=0"));
    assertEquals(Optional.empty(), JdbcSource.readProperties("jdbc:postgresql://db/dwh?ssl=true&PrepareThreshold=5"));
    assertEquals(Optional.empty(), JdbcSource.readProperties("jdbc:postgresql://db/dwh?binaryTransfer=false"));
    assertEquals(Optional.empty(), JdbcSource.readProperties("jdbc:postgresql://db/dwh?binaryTransferDisable=NUMERIC"));
    assertEquals(Optional.empty(), JdbcSource.readProperties("jdbc:mysql://db/dwh"));
  }

  /** QUERY's values as the source reads them, prepared as JdbcIO prepares it (a cursor). */
  private static List<List<Object>> values(String url, Properties properties) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, properties)) {
      c.setAutoCommit(false);
      try (PreparedStatement statement = c.prepareStatement(QUERY)) {
        statement.setFetchSize(2);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= READS.size(); i++) {
              Object value = JdbcSource.value(rs, rs.getMetaData(), i);
              // the text format's offset is the session's time zone, binary's UTC: the same instant
              row.add(value instanceof OffsetDateTime ? ((OffsetDateTime) value).toInstant() : value);
            }
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private static List<Integer> formats(String url, Properties properties) throws Exception {
    try (Connection c = DriverManager.getConnection(url, properties)) {
      return formats(c);
    }
  }

  private static List<Integer> formats(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      return formats(c);
    }
  }

  /** Per column of QUERY, the format the server sends: 0 text, 1 binary. */
  private static List<Integer> formats(Connection c) throws Exception {
    c.setAutoCommit(false);
    try (PreparedStatement statement = c.prepareStatement(QUERY)) {
      statement.setFetchSize(2);
      try (ResultSet rs = statement.executeQuery()) {
        PGResultSetMetaData metadata = rs.getMetaData().unwrap(PGResultSetMetaData.class);
        List<Integer> formats = new ArrayList<>();
        for (int i = 1; i <= READS.size(); i++) {
          formats.add(metadata.getFormat(i));
        }
        c.rollback();
        return formats;
      }
    }
  }

  private static DataSource dataSource(String url) throws Exception {
    Path password = dir.resolve("pw");
    Files.writeString(password, "unused-with-trust-auth");
    JdbcSourceConfig config =
        JdbcSourceConfig.create(url, JdbcSourceConfig.POSTGRESQL_DRIVER, Optional.of("postgres"),
            Optional.of(SecretRef.fromFile(password.toString())), QUERY, 2, 1);
    return JdbcSource.dataSourceProvider(config).apply(null);
  }
}
