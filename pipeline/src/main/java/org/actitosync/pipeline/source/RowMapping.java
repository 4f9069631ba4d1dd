package org.actitosync.pipeline.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordMapper;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * How a source row becomes a {@link MappedRecord}: the {@link RecordMapper} plus the source columns
 * it reads (so readers convert only those). Serializable; shipped inside the read's row mapper.
 *
 * <p>Every source maps each row it reads here exactly once, so this is where the run counts the
 * rows read: the Beam distribution {@value #ROWS_READ} (namespace {@value #NAMESPACE}) gets the
 * time each row was mapped (its count is the rows read, its max when the read ended).
 */
public final class RowMapping implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String NAMESPACE = "actito-sync";
  /** The distribution updated once per row mapped, with the time in epoch milliseconds. */
  public static final String ROWS_READ = "stage.read.at";
  private static final Distribution READ_AT = Metrics.distribution(NAMESPACE, ROWS_READ);

  private final RecordMapper mapper;
  private final List<String> columns;
  private final String keyColumn;

  private RowMapping(RecordMapper mapper, List<String> columns, String keyColumn) {
    this.mapper = mapper;
    this.columns = List.copyOf(columns);
    this.keyColumn = keyColumn;
  }

  /** The mapping of {@code config} for the resolved {@code layout}. */
  public static RowMapping of(ActivationConfig config, AttributeLayout layout) {
    return new RowMapping(config.recordMapper(layout), config.mappedColumns(), config.keyColumn());
  }

  /** The mapping of {@code config}, also reading the (resolved) profile-only columns. */
  public static RowMapping of(
      ActivationConfig config, AttributeLayout layout, org.actitosync.record.ProfileColumns profileColumns) {
    return new RowMapping(config.recordMapper(layout, profileColumns), config.mappedColumns(), config.keyColumn());
  }

  /** A mapping from its parts (tests, tools). */
  public static RowMapping of(
      AttributeLayout layout, Map<String, String> columnByAttribute, String keyAttribute) {
    List<String> columns = new ArrayList<>();
    for (String column : columnByAttribute.values()) {
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    return new RowMapping(
        new RecordMapper(layout, columnByAttribute, keyAttribute), columns, columnByAttribute.get(keyAttribute));
  }

  /** The source column feeding the key attribute (a partitioned read splits on it). */
  public String keyColumn() {
    return keyColumn;
  }

  /** The source columns read, in mapping order, without repeats. */
  public List<String> columns() {
    return columns;
  }

  public RecordMapper mapper() {
    return mapper;
  }

  /** The coder of the records this mapping makes: positional in the mapping's layout. */
  public org.apache.beam.sdk.coders.Coder<MappedRecord> coder() {
    return org.actitosync.coders.LayoutRecordCoder.of(mapper.layout());
  }

  /** Maps one row (column → Java value; absent columns read as null). */
  public MappedRecord map(Map<String, ?> row) {
    MappedRecord record = mapper.map(row);
    READ_AT.update(System.currentTimeMillis());
    return record;
  }

  /** An empty row map sized for {@link #columns()}. */
  Map<String, Object> newRow() {
    return new LinkedHashMap<>(columns.size() * 2);
  }

  /**
   * Maps one row given as the values of the mapper's columns ({@link RecordMapper#columns()}), in
   * that order: as {@link #map(Map)}, without a lookup by name.
   */
  public MappedRecord map(Object[] values) {
    MappedRecord record = mapper.map(values);
    READ_AT.update(System.currentTimeMillis());
    return record;
  }
}
