package org.actitosync.write;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.actitosync.change.Classification;
import org.actitosync.change.OutcomeStatus;
import org.actitosync.change.WriteOutcome;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What ensuring one referenced profile gave: it exists (found, or created with Actito's evidence),
 * or it could not be created, permanently (Actito refused it) or for now (transient, or no
 * evidence). A profile that is not ensured is the reason of every row that needed it ({@link
 * #rowOutcome}): the row is not sent, and keeps its previous snapshot entry.
 */
@AutoValue
public abstract class ProfileOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How a profile ended. */
  public enum Status {
    /** Found by its unique attribute: left as it is. */
    EXISTING,
    /** Created; Actito's answer carried its id. */
    CREATED,
    /**
     * Missing at the lookup, then written by a CREATE_ONLY ETL line Actito did not report in
     * error: created, or skipped because an equal profile appeared meanwhile (a CREATE_ONLY
     * execution does not say which), so it exists either way but is not counted as created; the
     * rows' own writes are the final proof (Actito checks their foreign key).
     */
    WRITTEN_IN_BULK,
    /** Actito refused to create it (a 4xx, or an import line in error). */
    REJECTED,
    /** Not created for now: transient errors after retries, or no evidence it was. */
    FAILED
  }

  public abstract Status status();

  /** HTTP status of the answer that decided it, 0 when none applies. */
  public abstract int httpStatus();

  /** For REJECTED and FAILED: the row's reason, {@code profile customerId=3 could not be created: …}. */
  public abstract @Nullable String message();

  public boolean ensured() {
    return status() == Status.EXISTING || status() == Status.CREATED || status() == Status.WRITTEN_IN_BULK;
  }

  public static ProfileOutcome existing() {
    return new AutoValue_ProfileOutcome(Status.EXISTING, 200, null);
  }

  public static ProfileOutcome writtenInBulk() {
    return new AutoValue_ProfileOutcome(Status.WRITTEN_IN_BULK, 200, null);
  }

  public static ProfileOutcome created(int httpStatus) {
    return new AutoValue_ProfileOutcome(Status.CREATED, httpStatus, null);
  }

  /**
   * A profile not created, with the reason rows carry: {@code profile <attribute>=<value> could not
   * be created: <why>}.
   */
  public static ProfileOutcome notCreated(
      boolean permanent, int httpStatus, String profileAttribute, String linkValue, String why) {
    return new AutoValue_ProfileOutcome(permanent ? Status.REJECTED : Status.FAILED, httpStatus,
        "profile " + profileAttribute + "=" + linkValue + " could not be created: " + why);
  }

  /** The outcome of a row that needed this (not ensured) profile: never sent, REJECTED or FAILED. */
  public WriteOutcome rowOutcome(Classification change) {
    if (ensured()) {
      throw new IllegalStateException("an ensured profile is no row's reason");
    }
    return WriteOutcome.of(change,
        status() == Status.REJECTED ? OutcomeStatus.REJECTED : OutcomeStatus.FAILED,
        httpStatus(), message(), 0);
  }
}
