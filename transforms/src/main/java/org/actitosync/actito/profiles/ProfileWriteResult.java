package org.actitosync.actito.profiles;

import com.google.auto.value.AutoValue;
import java.util.OptionalLong;

/** Result of a profile create/upsert. */
@AutoValue
public abstract class ProfileWriteResult {
  /** What happened. */
  public enum Outcome {
    /** Created. */
    CREATED,
    /** An existing profile was updated ({@code allowUpdate} true). */
    UPDATED,
    /** Created or updated; Actito did not say which. */
    WRITTEN,
    /** {@code allowUpdate} was false and the profile already exists (Actito answered 409). */
    EXISTS
  }

  public abstract Outcome outcome();

  /** The {@code profileId} Actito returned (always present unless the outcome is EXISTS). */
  public abstract OptionalLong profileId();

  public abstract int attempts();

  public static ProfileWriteResult of(Outcome outcome, OptionalLong profileId, int attempts) {
    return new AutoValue_ProfileWriteResult(outcome, profileId, attempts);
  }
}
