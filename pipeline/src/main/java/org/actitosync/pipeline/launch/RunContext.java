package org.actitosync.pipeline.launch;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.ProfileColumns;
import org.actitosync.snapshot.Manifest;
import org.actitosync.snapshot.SnapshotStore;
import org.actitosync.sync.SyncRun;
import org.actitosync.write.Pacing;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Everything the launcher settled before building the pipeline of one run. */
@AutoValue
public abstract class RunContext {
  public abstract ActivationConfig config();

  public abstract AttributeLayout layout();

  public abstract @Nullable Manifest base();

  public abstract String runId();

  public abstract boolean dryRun();

  public abstract boolean fullResync();

  public abstract org.actitosync.guard.GuardPolicy guard();

  /** Notes from preflight (attributes created, mapping changes). */
  public abstract List<String> notes();

  /** The profile-only columns, typed (by the config, else by the profile table preflight read). */
  public abstract ProfileColumns profileColumns();

  /**
   * What paces the writer instead of the configured budget, or null (the configured budget, on the
   * real clock). Tests only: a budget the test chooses, so a run against an emulator whose limits
   * are off or raised to match does not wait on Actito's real call budget. The strategy choice still
   * uses the configured budget.
   */
  public abstract @Nullable Pacing pacing();

  /** This context with the profile-only columns typed as preflight resolved them. */
  public RunContext withProfileColumns(ProfileColumns profileColumns) {
    return new AutoValue_RunContext(config(), layout(), base(), runId(), dryRun(), fullResync(), guard(), notes(),
        profileColumns, pacing());
  }

  /** This context with the writer paced by {@code pacing} (see {@link #pacing()}). */
  public RunContext withPacing(@Nullable Pacing pacing) {
    return new AutoValue_RunContext(config(), layout(), base(), runId(), dryRun(), fullResync(), guard(), notes(),
        profileColumns(), pacing);
  }

  public SnapshotStore store() {
    return config().snapshotStore();
  }

  public SyncRun.Spec spec() {
    return SyncRun.Spec.of(store(), runId(), base(), layout(), config().mode(), config().keepRuns())
        .withFullResync(fullResync())
        .withGuard(guard());
  }

  public static RunContext of(
      ActivationConfig config,
      AttributeLayout layout,
      @Nullable Manifest base,
      String runId,
      boolean dryRun,
      boolean fullResync,
      org.actitosync.guard.GuardPolicy guard,
      List<String> notes) {
    return new AutoValue_RunContext(
        config, layout, base, runId, dryRun, fullResync, guard, List.copyOf(notes),
        config.profiles().profileColumns(java.util.Map.of()), null);
  }
}
