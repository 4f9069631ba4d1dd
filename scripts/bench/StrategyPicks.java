import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.write.Strategy;
import org.actitosync.write.StrategyChooser;
import org.actitosync.write.WriterConfig;

/**
 * Benchmark only: what {@code write.strategy: AUTO} picks for change sets of the given sizes (all
 * creates or updates, no deletes), with the writer's defaults (WriterConfig.builder(): 90 calls per
 * minute, 2 imports per run, 5 minutes per import, 5 calls to create and poll one import; Actito's
 * 100 MB file cap), and the estimated wall time of each.
 *
 * <pre>java -cp actito-sync-flink.jar:DIR StrategyPicks BYTES_PER_ROW SIZE...</pre>
 */
public class StrategyPicks {
  public static void main(String[] args) {
    long bytesPerRow = Long.parseLong(args[0]);
    StrategyChooser chooser = new StrategyChooser(WriterConfig.DEFAULT_CALLS_PER_MINUTE, 2,
        ActitoClientConfig.ACTITO_MAX_IMPORT_BYTES, Duration.ofMinutes(5), 5);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      long n = Long.parseLong(args[i]);
      StrategyChooser.Choice c = chooser.choose(n, 0, 1, bytesPerRow, Strategy.AUTO);
      out.add("{\"changes\":" + n + ",\"choice\":" + c.toJson() + "}");
    }
    System.out.println("[" + String.join(",", out) + "]");
  }
}
