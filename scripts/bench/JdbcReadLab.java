import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.sql.*;
import java.time.LocalDateTime;
import java.util.*;

/**
 * Lab (issue 18, (ac)): the read of a bench segment through PostgreSQL's driver, as the JDBC source
 * reads it (a cursor of 50,000 rows; the numeric with getBigDecimal, the timestamp as a
 * LocalDateTime), in up to four ways, interleaved: {@code text} (getObject, text results: the read
 * before (ac)), {@code bin} (binary results, prepareThreshold=-1), {@code typed} (typed getters),
 * {@code bintyped} (both). Prints per run the wall time, the reading thread's CPU and the machine's
 * busy CPU (PostgreSQL's backend included). Not a test; numbers in docs/benchmarks.md.
 *
 * <pre>
 *   CP=$(cat target/bench/db-classpath.txt)
 *   java -cp "$CP" scripts/demo/DemoDatabase.java start DIR &amp;   # writes DIR/jdbc-url
 *   java -cp "$CP" scripts/bench/BenchDb.java generate "$(cat DIR/jdbc-url)" seg_3000000 3000000 10
 *   java -cp "$CP" scripts/bench/JdbcReadLab.java 3000000 4 DIR/jdbc-url text,bin,typed,bintyped
 * </pre>
 */
public class JdbcReadLab {
  static final String Q = "SELECT order_id, customer_id, email, first_name, country, amount, quantity, status, is_vip, ordered_at FROM seg_%d";

  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]); // the segment seg_<n>
    int rounds = Integer.parseInt(a[1]);
    String url = Files.readString(Path.of(a[2])).trim();
    long sink = 0;
    String[] modes = a[3].split(",");
    for (int r = 0; r < rounds; r++) {
      List<String> order = new ArrayList<>(Arrays.asList(modes));
      if (r % 2 == 1) Collections.reverse(order);
      for (String mode : order) {
        boolean binary = mode.contains("bin");
        boolean typed = mode.contains("typed");
        String u = url + (binary ? "&prepareThreshold=-1" : "");
        long busy0 = busy();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(u)) {
          c.setAutoCommit(false);
          try (PreparedStatement s = c.prepareStatement(String.format(Q, n))) {
            s.setFetchSize(50000);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                Object[] v = new Object[10];
                if (typed) {
                  long l = rs.getLong(1); v[0] = rs.wasNull() ? null : l;
                  l = rs.getLong(2); v[1] = rs.wasNull() ? null : l;
                  v[2] = rs.getString(3); v[3] = rs.getString(4); v[4] = rs.getString(5);
                  v[5] = rs.getBigDecimal(6);
                  int i = rs.getInt(7); v[6] = rs.wasNull() ? null : i;
                  v[7] = rs.getString(8);
                  boolean b = rs.getBoolean(9); v[8] = rs.wasNull() ? null : b;
                  v[9] = rs.getObject(10, LocalDateTime.class);
                } else {
                  for (int i = 1; i <= 10; i++) {
                    v[i - 1] = i == 6 ? rs.getBigDecimal(i) : i == 10 ? rs.getObject(i, LocalDateTime.class) : rs.getObject(i);
                  }
                }
                sink += v[0] == null ? 0 : v[0].hashCode() + (v[9] == null ? 0 : v[9].hashCode());
              }
            }
          }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        double machine = (busy() - busy0) / 100.0;
        System.out.printf("round %d %-10s wall %6.2f s, reader CPU %6.2f s, machine busy %6.2f s%n", r, mode, wall, cpu, machine);
      }
    }
    System.out.println(sink);
  }

  static long busy() throws Exception {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), sys = Long.parseLong(f[3]);
    return user + nice + sys + Long.parseLong(f[6]) + Long.parseLong(f[7]);
  }
}
