import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's warehouse side, run as a single-file Java program on the demo database's
 * classpath (scripts/demo/pom.xml; the server itself is started by scripts/demo/DemoDatabase.java):
 *
 * <pre>
 *   java -cp CP BenchDb.java generate URL TABLE N W   # TABLE := N rows, W mapped columns (key included)
 *   java -cp CP BenchDb.java digests  URL TABLE       # TABLE_prev := key + md5 digest of every row (the baseline's snapshot)
 *   java -cp CP BenchDb.java churn    URL TABLE N RATE # second version: RATE of N changed (1/2 updates, 1/4 inserts, 1/4 deletes)
 *   java -cp CP BenchDb.java baseline URL TABLE W REPEAT  # times the FULL OUTER JOIN diff against TABLE_prev
 *   java -cp CP BenchDb.java csvbytes URL TABLE       # estimated CSV bytes per row of an import file
 *   java -cp CP BenchDb.java drop     URL TABLE       # drops TABLE and TABLE_prev
 * </pre>
 *
 * Every command prints one JSON object on stdout. Rows are a pure function of their key, so two
 * tables generated with the same N are identical, and the churn is deterministic.
 */
public class BenchDb {
  /** The W = 10 columns (the key first) and the SQL computing each from the key g. */
  static final String[][] COLUMNS = {
    {"order_id", "g"},
    {"customer_id", "1 + (g * 7919) % 500000"},
    {"email", "'user' || g || '@example.com'"},
    {"first_name", "(ARRAY['Ana','Bram','Chloé','Dirk','Eva','Finn','Günther','Hana'])[1 + (g % 8)::int]"},
    {"country", "(ARRAY['BE','FR','NL','DE','LU'])[1 + (g % 5)::int]"},
    {"amount", "round(((g * 2654435761) % 100000) / 100.0, 2)::numeric(12,2)"},
    {"quantity", "(1 + g % 9)::int"},
    {"status", "(ARRAY['NEW','PAID','SHIPPED','CANCELLED'])[1 + (g % 4)::int]"},
    {"is_vip", "(g % 10 = 0)"},
    {"ordered_at", "timestamp '2024-01-01' + (g % 31536000) * interval '1 second'"},
  };

  /** How a churn of {@code rate} over {@code n} rows splits: half updates, a quarter inserts, a quarter deletes. */
  record Churn(long updates, long inserts, long deletes) {
    static Churn of(long n, double rate) {
      long total = Math.round(n * rate);
      long updates = total / 2;
      long deletes = total / 4;
      return new Churn(updates, total - updates - deletes, deletes);
    }

    long total() {
      return updates + inserts + deletes;
    }
  }

  public static void main(String[] args) throws Exception {
    String cmd = args[0];
    try (Connection c = DriverManager.getConnection(args[1]); Statement s = c.createStatement()) {
      String table = args[2];
      long t0 = System.nanoTime();
      switch (cmd) {
        case "generate": {
          long n = Long.parseLong(args[3]);
          int w = Integer.parseInt(args[4]);
          s.execute("DROP TABLE IF EXISTS " + table);
          s.execute("CREATE UNLOGGED TABLE " + table + " AS " + select(w, 1, n));
          s.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (order_id)");
          s.execute("VACUUM ANALYZE " + table);
          System.out.printf(Locale.ROOT, "{\"rows\":%d,\"columns\":%d,\"millis\":%d,\"tableBytes\":%d}%n",
              n, w, ms(t0), size(s, table));
          break;
        }
        case "digests": {
          int w = columns(s, table);
          s.execute("DROP TABLE IF EXISTS " + table + "_prev");
          s.execute("CREATE UNLOGGED TABLE " + table + "_prev AS SELECT order_id, " + md5("t", w)
              + " AS digest FROM " + table + " t");
          s.execute("ALTER TABLE " + table + "_prev ADD PRIMARY KEY (order_id)");
          s.execute("VACUUM ANALYZE " + table + "_prev");
          System.out.printf(Locale.ROOT, "{\"millis\":%d,\"tableBytes\":%d}%n", ms(t0), size(s, table + "_prev"));
          break;
        }
        case "churn": {
          long n = Long.parseLong(args[3]);
          Churn churn = Churn.of(n, Double.parseDouble(args[4]));
          int w = columns(s, table);
          // deletes: every (n / deletes)-th key from 2; updates: every (n / updates)-th key from 1, if still there
          long deleted = churn.deletes == 0 ? 0 : s.executeUpdate("DELETE FROM " + table + " WHERE order_id IN ("
              + "SELECT 2 + i * " + (n / churn.deletes) + " FROM generate_series(0, " + (churn.deletes - 1) + ") i)");
          List<String> sets = new ArrayList<>();
          for (String[] col : List.of(COLUMNS).subList(1, w)) {
            switch (col[0]) {
              case "amount" -> sets.add("amount = amount + 1");
              case "status" -> sets.add("status = CASE status WHEN 'NEW' THEN 'PAID' ELSE 'SHIPPED' END");
              case "ordered_at" -> sets.add("ordered_at = ordered_at + interval '1 day'");
              default -> { }
            }
          }
          if (sets.isEmpty()) {
            sets.add(COLUMNS[1][0] + " = " + COLUMNS[1][0] + " || 'x'");
          }
          long updated = churn.updates == 0 ? 0 : s.executeUpdate("UPDATE " + table + " SET " + String.join(", ", sets)
              + " WHERE order_id IN (SELECT 1 + i * " + (n / churn.updates) + " FROM generate_series(0, "
              + (churn.updates - 1) + ") i)");
          long inserted = churn.inserts == 0 ? 0
              : s.executeUpdate("INSERT INTO " + table + " " + select(w, n + 1, n + churn.inserts));
          s.execute("VACUUM ANALYZE " + table);
          System.out.printf(Locale.ROOT,
              "{\"updates\":%d,\"inserts\":%d,\"deletes\":%d,\"changes\":%d,\"millis\":%d}%n",
              updated, inserted, deleted, updated + inserted + deleted, ms(t0));
          break;
        }
        case "baseline": {
          int repeat = Integer.parseInt(args[3]);
          int w = columns(s, table);
          String sql = "SELECT coalesce(s.order_id, p.order_id) AS order_id,"
              + " CASE WHEN p.order_id IS NULL THEN 'I' WHEN s.order_id IS NULL THEN 'D' ELSE 'U' END AS op"
              + " FROM " + table + " s FULL OUTER JOIN " + table + "_prev p ON s.order_id = p.order_id"
              + " WHERE p.order_id IS NULL OR s.order_id IS NULL OR " + md5("s", w) + " <> p.digest";
          c.setAutoCommit(false);
          List<Long> times = new ArrayList<>();
          long[] counts = new long[3];
          for (int r = 0; r < repeat; r++) {
            counts = new long[3];
            long t = System.nanoTime();
            try (Statement q = c.createStatement()) {
              q.setFetchSize(50_000);
              try (ResultSet rs = q.executeQuery(sql)) {
                while (rs.next()) {
                  rs.getLong(1);
                  counts["IUD".indexOf(rs.getString(2))]++;
                }
              }
            }
            times.add(ms(t));
          }
          c.commit();
          String plan;
          try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
              sb.append(rs.getString(1).trim()).append(" / ");
            }
            plan = sb.toString().replace("\"", "'");
          }
          System.out.printf(Locale.ROOT,
              "{\"millis\":%s,\"bestMillis\":%d,\"inserts\":%d,\"updates\":%d,\"deletes\":%d,\"sql\":\"%s\",\"plan\":\"%s\"}%n",
              times, times.stream().mapToLong(Long::longValue).min().orElse(0), counts[0], counts[1], counts[2],
              sql.replace("\"", "\\\""), plan);
          break;
        }
        case "csvbytes": {
          // estimated CSV bytes per row of an import file (values as PostgreSQL prints them, comma-separated)
          int w = columns(s, table);
          List<String> cols = new ArrayList<>();
          for (int i = 0; i < w; i++) {
            cols.add(COLUMNS[i][0] + "::text");
          }
          try (ResultSet rs = s.executeQuery("SELECT ceil(avg(octet_length(concat_ws(',', " + String.join(", ", cols)
              + ")) + 1)) FROM " + table)) {
            rs.next();
            System.out.printf(Locale.ROOT, "{\"bytesPerRow\":%d}%n", rs.getLong(1));
          }
          break;
        }
        case "drop":
          s.execute("DROP TABLE IF EXISTS " + table);
          s.execute("DROP TABLE IF EXISTS " + table + "_prev");
          System.out.println("{}");
          break;
        default:
          throw new IllegalArgumentException("generate | digests | churn | baseline | drop");
      }
    }
  }

  static String select(int w, long from, long to) {
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < w; i++) {
      cols.add(COLUMNS[i][1] + " AS " + COLUMNS[i][0]);
    }
    return "SELECT " + String.join(", ", cols) + " FROM generate_series(" + from + "::bigint, " + to + "::bigint) g";
  }

  /** md5 over the row's mapped columns except the key, as a data engineer would write it. */
  static String md5(String alias, int w) {
    List<String> cols = new ArrayList<>();
    for (int i = 1; i < w; i++) {
      cols.add(alias + "." + COLUMNS[i][0]);
    }
    return "md5(ROW(" + String.join(", ", cols) + ")::text)";
  }

  static int columns(Statement s, String table) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = '"
        + table + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static long size(Statement s, String table) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + table + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
