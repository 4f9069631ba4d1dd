package org.actitosync.write;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * Chooses, once per run, between record calls and bulk writes (v5 ETL executions) for creates and updates, by cost
 * (design.md section 4). Deletes always go record by record (Actito has no bulk delete).
 *
 * <p>Record calls: {@code callsPerChange} calls per create or update (2 for create-only: a lookup
 * then a create), paced by the calls-per-minute budget. Bulk: one import per file of at most {@code
 * maxFileBytes} (estimated uncompressed, so the zipped file is surely under Actito's cap), each
 * costing a fixed processing time plus a few polling calls; usable only within the imports allowed
 * per run (the daily quota per table, less a reserve). {@code AUTO} picks bulk when it is
 * estimated faster and fits the quota. Pure and deterministic.
 */
public final class StrategyChooser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Why INSERT and UPDATE modes never go bulk. */
  public static final String BULK_ONLY_CREATE_OR_UPDATE =
      "bulk (ETL) writes are used only for create-or-update (UPSERT, MIRROR): Actito's ETL report"
          + " does not say which rows a create-only or update-only import skipped, so INSERT and"
          + " UPDATE go record by record";

  private final double callsPerMinute;
  private final int maxImportsPerRun;
  private final long maxFileBytes;
  private final Duration importDuration;
  private final int pollCallsPerImport;

  /**
   * @param callsPerMinute the run's call budget
   * @param maxImportsPerRun ETL executions this run may start (within the table's daily bulk quota)
   * @param maxFileBytes the largest (uncompressed) file to send in one import
   * @param importDuration estimated processing time of one import by Actito
   * @param pollCallsPerImport calls spent creating and polling one import
   */
  public StrategyChooser(
      double callsPerMinute,
      int maxImportsPerRun,
      long maxFileBytes,
      Duration importDuration,
      int pollCallsPerImport) {
    this.callsPerMinute = callsPerMinute;
    this.maxImportsPerRun = maxImportsPerRun;
    this.maxFileBytes = maxFileBytes;
    this.importDuration = importDuration;
    this.pollCallsPerImport = pollCallsPerImport;
  }

  /** The choice, why, and its estimated cost. */
  @AutoValue
  public abstract static class Choice implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract Strategy strategy();

    public abstract String reason();

    /** Estimated API calls for the whole run (creates, updates and deletes). */
    public abstract long estimatedCalls();

    /** Estimated wall time of the writes under the budget. */
    public abstract Duration estimatedDuration();

    /** Number of import files when bulk (0 otherwise). */
    public abstract int files();

    /** {@code {"strategy","reason","estimatedCalls","estimatedSeconds","files"}}. */
    public String toJson() {
      com.fasterxml.jackson.databind.node.ObjectNode n =
          new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      n.put("strategy", strategy().name());
      n.put("reason", reason());
      n.put("estimatedCalls", estimatedCalls());
      n.put("estimatedSeconds", estimatedDuration().getSeconds());
      n.put("files", files());
      return n.toString();
    }

    /** This choice with another reason. */
    public Choice withReason(String reason) {
      return of(strategy(), reason, estimatedCalls(), estimatedDuration(), files());
    }

    static Choice of(Strategy s, String reason, long calls, Duration duration, int files) {
      return new AutoValue_StrategyChooser_Choice(s, reason, calls, duration, files);
    }
  }

  /**
   * @param upserts creates and updates to send
   * @param deletes deletes to send (always record calls)
   * @param callsPerChange record calls per create or update (1, or 2 for create-only)
   * @param bytesPerRow estimated CSV bytes per row
   * @param forced AUTO, or the strategy the configuration forces
   */
  public Choice choose(long upserts, long deletes, int callsPerChange, long bytesPerRow, Strategy forced) {
    return choose(upserts, deletes, callsPerChange, bytesPerRow, forced, true);
  }

  /**
   * As above; {@code onlyCreateOrUpdate} false (some creates or updates are create-only or
   * update-only: INSERT and UPDATE modes) rules bulk out: AUTO picks record calls saying why, a
   * forced BULK is refused with {@link IllegalArgumentException}.
   */
  public Choice choose(long upserts, long deletes, int callsPerChange, long bytesPerRow,
      Strategy forced, boolean onlyCreateOrUpdate) {
    long recordCalls = upserts * callsPerChange + deletes;
    Duration recordTime = minutes(recordCalls);
    int files = upserts == 0 ? 0 : (int) Math.max(1, ceilDiv(upserts * Math.max(1, bytesPerRow), maxFileBytes));
    long bulkCalls = (long) files * pollCallsPerImport + deletes;
    Duration bulkTime = importDuration.multipliedBy(files).plus(minutes(bulkCalls));
    Choice records = Choice.of(Strategy.RECORDS, "", recordCalls, recordTime, 0);
    Choice bulk = Choice.of(Strategy.BULK, "", bulkCalls, bulkTime, files);
    if (forced == Strategy.RECORDS) {
      return with(records, "forced by configuration");
    }
    if (!onlyCreateOrUpdate && upserts > 0) {
      if (forced == Strategy.BULK) {
        throw new IllegalArgumentException("write.strategy BULK: " + BULK_ONLY_CREATE_OR_UPDATE);
      }
      return with(records, BULK_ONLY_CREATE_OR_UPDATE);
    }
    if (forced == Strategy.BULK) {
      if (upserts == 0) {
        return with(records, "bulk forced, but there are no creates or updates (deletes go record by record)");
      }
      if (files > maxImportsPerRun) {
        throw new IllegalArgumentException(
            "bulk forced, but " + files + " import files are needed and only " + maxImportsPerRun
                + " imports are allowed per run");
      }
      return with(bulk, "forced by configuration");
    }
    if (upserts == 0) {
      return with(records, "no creates or updates");
    }
    String costs =
        String.format(Locale.ROOT, "record calls ~%s (%d calls), bulk ~%s (%d file%s)",
            human(recordTime), recordCalls, human(bulkTime), files, files == 1 ? "" : "s");
    if (files > maxImportsPerRun) {
      return with(records, costs + "; bulk needs " + files + " imports, over the " + maxImportsPerRun + " allowed per run");
    }
    if (bulkTime.compareTo(recordTime) < 0) {
      return with(bulk, costs + "; bulk is faster");
    }
    return with(records, costs + "; record calls are faster");
  }

  private static Choice with(Choice c, String reason) {
    return Choice.of(c.strategy(), reason, c.estimatedCalls(), c.estimatedDuration(), c.files());
  }

  private Duration minutes(long calls) {
    return Duration.ofMillis((long) Math.ceil(calls * 60_000.0 / callsPerMinute));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : s + "s";
  }
}
