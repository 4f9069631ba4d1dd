/**
 * Sources: one read per source kind (JDBC, BigQuery, files in CSV / JSON lines / Avro / Parquet),
 * each mapping its rows straight to {@link org.actitosync.record.MappedRecord}s (coder {@link
 * org.actitosync.coders.LayoutRecordCoder}: values by position in the layout), so no generic row
 * type crosses a shuffle.
 *
 * <p>Entry points: {@link org.actitosync.pipeline.source.SourceRead#of} (the read for a config),
 * {@link org.actitosync.pipeline.source.RowMapping#of} (what each read maps rows with), {@link
 * org.actitosync.pipeline.source.SourceSchemas} (attribute types inferred from the source, for the
 * launcher's preflight), {@link org.actitosync.pipeline.source.PartitionKeyCheck} (the preflight's
 * check of a partitioned JDBC read's key, {@link
 * org.actitosync.pipeline.source.PartitionedJdbcRead}).
 */
package org.actitosync.pipeline.source;
