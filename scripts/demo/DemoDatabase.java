import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's database, run as a single-file Java program (no build step):
 *
 * <pre>
 *   java -cp CP DemoDatabase.java start DIR      # starts PostgreSQL, writes DIR/jdbc-url, runs until killed
 *   java -cp CP DemoDatabase.java sql URL FILE   # runs a SQL file
 *   java -cp CP DemoDatabase.java dump URL QUERY # prints the rows as tab-separated lines
 * </pre>
 */
public class DemoDatabase {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "start": {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            pg.close();
          } catch (Exception e) {
            // exiting anyway
          }
        }));
        Path dir = Path.of(args[1]);
        Path tmp = dir.resolve("jdbc-url.tmp");
        Files.writeString(tmp, pg.getJdbcUrl("postgres", "postgres"));
        Files.move(tmp, dir.resolve("jdbc-url"));
        Thread.currentThread().join();
        break;
      }
      case "sql":
        try (Connection c = DriverManager.getConnection(args[1]); Statement s = c.createStatement()) {
          s.execute(Files.readString(Path.of(args[2])));
        }
        break;
      case "dump":
        try (Connection c = DriverManager.getConnection(args[1]);
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(args[2])) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              cells.add(String.valueOf(rs.getObject(i)));
            }
            System.out.println(String.join("\t", cells));
          }
        }
        break;
      default:
        throw new IllegalArgumentException("start DIR | sql URL FILE | dump URL QUERY");
    }
  }
}
