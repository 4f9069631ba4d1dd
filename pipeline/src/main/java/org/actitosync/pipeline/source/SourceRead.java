package org.actitosync.pipeline.source;

import org.actitosync.pipeline.config.SourceConfig;
import org.actitosync.record.MappedRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The read of an activation's source, rows mapped to records:
 *
 * <pre>{@code
 * AttributeLayout layout = config.attributeLayout(SourceSchemas.infer(config.source()));
 * PCollection<MappedRecord> records =
 *     pipeline.apply("ReadSource", SourceRead.of(config.source(), RowMapping.of(config, layout)));
 * }</pre>
 *
 * <p>Bounded. A source row is mapped once where it is read; a value that does not fit its
 * attribute's type makes an invalid record (rejected later by classification, never sent). A
 * mapped column missing from the source fails the read with the column's name. A JDBC source with
 * {@code partitions} above 1 is read by {@link PartitionedJdbcRead}, else by {@link JdbcSource}.
 */
public final class SourceRead {
  private SourceRead() {}

  public static PTransform<PBegin, PCollection<MappedRecord>> of(
      SourceConfig source, RowMapping mapping) {
    switch (source.kind()) {
      case JDBC:
        return source.jdbc().partitions() > 1
            ? PartitionedJdbcRead.of(source.jdbc(), mapping)
            : JdbcSource.read(source.jdbc(), mapping);
      case BIGQUERY:
        return BigQuerySource.read(source.bigquery(), mapping);
      case FILES:
        return FileSources.read(source.files(), mapping);
      default:
        throw new IllegalArgumentException("unknown source kind " + source.kind());
    }
  }
}
