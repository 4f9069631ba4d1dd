package org.actitosync.change;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.SnapshotEntry;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The classification of one key in one run: exactly one {@link ChangeKind}, with everything the
 * writer and the next snapshot need.
 *
 * <ul>
 *   <li>{@link #previousEntry()}: the key's entry in the base snapshot (projected onto the current
 *       mapping), or null when the key is new to it.
 *   <li>{@link #nextEntry()}: for a change, the entry the snapshot takes <em>if Actito accepts the
 *       change</em> (null for a delete); for anything else, the entry the next snapshot keeps (null
 *       when the key leaves the snapshot).
 *   <li>{@link #values()}: canonical values of the current record (INSERT, UPDATE); {@link
 *       #changedAttributes()}: the attributes to send, a null value meaning "clear it" (every
 *       attribute of the mapping for an INSERT, which may meet a record someone else created; for
 *       an UPDATE of a key this activation wrote, only those whose digest changed).
 *   <li>{@link #rule()} and {@link #reason()}: for SKIPPED and REJECTED, a stable code and a
 *       human-readable reason; {@link #rejectedRows()}: every source row of a rejected key.
 * </ul>
 */
@AutoValue
public abstract class Classification implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The key; empty for rows whose key was null or empty. */
  public abstract String key();

  public abstract ChangeKind kind();

  /** How to apply a change on the wire; null unless {@link ChangeKind#isChange()}. */
  public abstract @Nullable WriteSemantics semantics();

  public abstract List<String> changedAttributes();

  public abstract SortedMap<String, String> values();

  /**
   * Profile attribute → canonical value of the segment's profile-only columns (INSERT, UPDATE):
   * used only to create a missing profile the change references; never sent with the record.
   */
  public abstract SortedMap<String, String> profileValues();

  public abstract @Nullable String rule();

  public abstract @Nullable String reason();

  public abstract List<MappedRecord> rejectedRows();

  public abstract @Nullable SnapshotEntry previousEntry();

  public abstract @Nullable SnapshotEntry nextEntry();

  public static Builder builder(String key, ChangeKind kind) {
    return new AutoValue_Classification.Builder()
        .setKey(key)
        .setKind(kind)
        .setChangedAttributes(Collections.emptyList())
        .setValues(Collections.emptySortedMap())
        .setProfileValues(Collections.emptySortedMap())
        .setRejectedRows(Collections.emptyList());
  }

  /** Builder; collections are copied into unmodifiable ones. */
  @AutoValue.Builder
  public abstract static class Builder {
    abstract Builder setKey(String key);

    abstract Builder setKind(ChangeKind kind);

    public abstract Builder setSemantics(@Nullable WriteSemantics semantics);

    abstract Builder setChangedAttributes(List<String> changed);

    abstract Builder setValues(SortedMap<String, String> values);

    abstract Builder setProfileValues(SortedMap<String, String> values);

    public abstract Builder setRule(@Nullable String rule);

    public abstract Builder setReason(@Nullable String reason);

    abstract Builder setRejectedRows(List<MappedRecord> rows);

    public abstract Builder setPreviousEntry(@Nullable SnapshotEntry entry);

    public abstract Builder setNextEntry(@Nullable SnapshotEntry entry);

    public Builder changedAttributes(List<String> changed) {
      return setChangedAttributes(Collections.unmodifiableList(new ArrayList<>(changed)));
    }

    public Builder values(Map<String, String> values) {
      return setValues(Collections.unmodifiableSortedMap(new TreeMap<>(values)));
    }

    public Builder profileValues(Map<String, String> values) {
      return setProfileValues(values.isEmpty()
          ? Collections.emptySortedMap()
          : Collections.unmodifiableSortedMap(new TreeMap<>(values)));
    }

    public Builder rejectedRows(List<MappedRecord> rows) {
      return setRejectedRows(Collections.unmodifiableList(new ArrayList<>(rows)));
    }

    public abstract Classification build();
  }
}
