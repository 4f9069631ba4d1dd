package org.actitosync.guard;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The guards that refuse a run before anything is written (pure): too many MIRROR deletes (as a
 * count and as a share of the snapshot), a source that is empty or much smaller than the snapshot
 * (in any mode: a broken query must become neither a mass delete nor a silent no-op), and a mapping
 * change that would update too many rows. Each guard yields to an explicit confirmation naming the
 * exact number it is about (so a confirmation cannot be reused blindly on another day's numbers).
 */
@AutoValue
public abstract class GuardPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract long maxDeletes();

  public abstract double maxDeleteShare();

  /** The source may be smaller than the snapshot by at most this share. */
  public abstract double maxShrinkShare();

  /** A mapping change may update at most this share of the snapshot. */
  public abstract double maxMappingUpdateShare();

  /** {@code --confirmDeletes=N}: N must equal the planned number of deletes. */
  public abstract @Nullable Long confirmDeletes();

  /** {@code --confirmRows=N}: N must equal the number of source rows read. */
  public abstract @Nullable Long confirmRows();

  /** {@code --confirmMappingUpdates=N}: N must equal the number of updates planned. */
  public abstract @Nullable Long confirmMappingUpdates();

  public static GuardPolicy defaults() {
    return of(1000, 0.10, 0.50, 0.50, null, null, null);
  }

  public static GuardPolicy of(
      long maxDeletes,
      double maxDeleteShare,
      double maxShrinkShare,
      double maxMappingUpdateShare,
      @Nullable Long confirmDeletes,
      @Nullable Long confirmRows,
      @Nullable Long confirmMappingUpdates) {
    return new AutoValue_GuardPolicy(maxDeletes, maxDeleteShare, maxShrinkShare, maxMappingUpdateShare,
        confirmDeletes, confirmRows, confirmMappingUpdates);
  }

  /** What a run is about to do, counted before anything is written. */
  @AutoValue
  public abstract static class Plan implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Keys this activation wrote, in the base snapshot. */
    public abstract long snapshotKeys();

    public abstract long rowsRead();

    public abstract long deletes();

    public abstract long updates();

    public abstract boolean mappingChanged();

    public static Plan of(long snapshotKeys, long rowsRead, long deletes, long updates, boolean mappingChanged) {
      return new AutoValue_GuardPolicy_Plan(snapshotKeys, rowsRead, deletes, updates, mappingChanged);
    }
  }

  /** Every refusal for {@code plan}; empty when the run may write. */
  public List<String> refusals(Plan plan) {
    List<String> refusals = new ArrayList<>();
    long snapshot = plan.snapshotKeys();
    if (plan.deletes() > 0) {
      double share = snapshot == 0 ? 1.0 : (double) plan.deletes() / snapshot;
      boolean tooMany = plan.deletes() > maxDeletes() || share > maxDeleteShare();
      if (tooMany && !confirmed(confirmDeletes(), plan.deletes())) {
        refusals.add(String.format(Locale.ROOT,
            "MIRROR would permanently delete %d records (%s of the %d in the snapshot; limits: %d and %s):"
                + " rerun with --confirmDeletes=%d if this is intended",
            plan.deletes(), percent(share), snapshot, maxDeletes(), percent(maxDeleteShare()), plan.deletes()));
      }
    }
    if (snapshot > 0) {
      boolean empty = plan.rowsRead() == 0;
      boolean shrunk = plan.rowsRead() < snapshot * (1 - maxShrinkShare());
      if ((empty || shrunk) && !confirmed(confirmRows(), plan.rowsRead())) {
        refusals.add(String.format(Locale.ROOT,
            "the source returned %d rows for %d keys in the snapshot (%s; at most %s smaller allowed): is the"
                + " query broken? rerun with --confirmRows=%d if this is intended",
            plan.rowsRead(), snapshot, empty ? "empty" : percent(1 - (double) plan.rowsRead() / snapshot) + " smaller",
            percent(maxShrinkShare()), plan.rowsRead()));
      }
    }
    if (plan.mappingChanged() && snapshot > 0) {
      double share = (double) plan.updates() / snapshot;
      if (share > maxMappingUpdateShare() && !confirmed(confirmMappingUpdates(), plan.updates())) {
        refusals.add(String.format(Locale.ROOT,
            "the mapping changed and %d rows (%s of the snapshot; limit %s) would be updated: rerun with"
                + " --confirmMappingUpdates=%d if this is intended",
            plan.updates(), percent(share), percent(maxMappingUpdateShare()), plan.updates()));
      }
    }
    return refusals;
  }

  private static boolean confirmed(@Nullable Long confirmation, long actual) {
    return confirmation != null && confirmation == actual;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
