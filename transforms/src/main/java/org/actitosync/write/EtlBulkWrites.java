package org.actitosync.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.etl.EtlApi;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.actitosync.change.WriteSemantics;
import org.actitosync.coders.ClassificationCoder;
import org.apache.beam.sdk.coders.Coder;

/**
 * Sends create-or-update changes (UPSERT, MIRROR) as v5 ETL executions through {@link
 * EtlExecutions}: CSV files (UTF-8 without BOM, {@code ;}, the key first, then every mapped
 * attribute) split under the client's file cap, one execution per file, one at a time, streamed
 * through temporary files (nothing per change stays on the heap): {@code trigger} of {@link
 * WriterConfig#etlId()} when set,
 * else a one-shot execution with the definition rendered from {@link
 * WriterConfig#definitionTemplate()}.
 *
 * <p>Outcomes only from evidence: SUCCESS → every row APPLIED; WITH_ERROR → the rows the error
 * report names are REJECTED with Actito's message and the others APPLIED, but a report that cannot
 * be fetched, parsed or matched to the file makes every row of the execution FAILED; an execution
 * that failed as a whole, or whose end could not be observed → every row FAILED (resent next run).
 * At creation: a permanent refusal (400) splits the file in halves until the bad rows are isolated
 * (a single row is REJECTED); a retryable one (429 daily quota, 5xx not replayed) makes the rows
 * FAILED; an authentication error stops the run. Create-only and update-only changes are refused
 * (Actito's ETL report does not say which rows such an import skipped: they go record by record).
 */
final class EtlBulkWrites implements EtlExecutions.Spec<Classification> {
  private final ActitoClient client;
  private final WriterConfig config;
  private final List<String> columns;

  private final Path tempDir;

  EtlBulkWrites(ActitoClient client, WriterConfig config) {
    this(client, config, null);
  }

  /** Its temporary files in {@code tempDir} (null: the JVM's temporary directory). */
  EtlBulkWrites(ActitoClient client, WriterConfig config, Path tempDir) {
    this.client = client;
    this.tempDir = tempDir;
    this.config = config;
    this.columns = new ArrayList<>(config.attributeTypes().keySet());
    columns.remove(config.keyAttribute());
    columns.add(0, config.keyAttribute());
  }

  /**
   * Writes {@code changes}, read once as they come, and gives {@code out} one outcome per change as
   * its execution ends (see {@link EtlExecutions#write}: at most one file's changes are pending,
   * on disk). No order: an import is idempotent in any order.
   *
   * @throws IllegalArgumentException on a change that is not create-or-update (the changes before
   *     it may have been written and their outcomes given)
   */
  void write(Iterable<Classification> changes, Consumer<WriteOutcome> out) {
    new EtlExecutions<>(client, this, tempDir).write(changes, (change, v) -> {
      OutcomeStatus status = switch (v.kind()) {
        case WRITTEN -> OutcomeStatus.APPLIED;
        case NAMED, REFUSED -> OutcomeStatus.REJECTED;
        case FAILED -> OutcomeStatus.FAILED;
      };
      out.accept(WriteOutcome.of(change, status, v.status(), v.message(), v.attempts()));
    });
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  /** Every mapped attribute of the row, as CSV text (empty for null), the key first. */
  @Override
  public Map<String, Object> row(Classification change) {
    if (change.semantics() != WriteSemantics.CREATE_OR_UPDATE) {
      throw new IllegalArgumentException("bulk writes only create-or-update changes, not "
          + change.semantics() + " (" + change.key() + ")");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      String value =
          column.equals(config.keyAttribute()) ? change.key() : change.values().get(column);
      row.put(column, WireValues.toCsv(config.type(column), value, config.timeZone()));
    }
    return row;
  }

  @Override
  public Coder<Classification> coder() {
    return ClassificationCoder.of();
  }

  @Override
  public String start(ImportFile file) {
    EtlApi etl = client.etl();
    if (config.etlId() != null) {
      return etl.trigger(config.etlId(), file);
    }
    String definition = config.definitionTemplate().render(EtlDefinitionTemplate.values(
        config.table(), etl.contract().createOrUpdateMode(), columns, file,
        config.reportRecipients()));
    return etl.oneShot(file, definition);
  }

  @Override
  public String describe(String executionId) {
    return "ETL execution " + executionId;
  }
}
