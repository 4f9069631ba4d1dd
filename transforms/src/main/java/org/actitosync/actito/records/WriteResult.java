package org.actitosync.actito.records;

import com.google.auto.value.AutoValue;
import java.util.Optional;

/** The result of one record write: outcome, Actito's business key when returned, attempts made. */
@AutoValue
public abstract class WriteResult {
  public abstract RecordEffect outcome();

  /** The {@code businessKey} Actito returned (upserts), else the key used in the path. */
  public abstract Optional<String> businessKey();

  /** HTTP attempts made (all calls of the operation together; 1 = first try succeeded). */
  public abstract int attempts();

  public static WriteResult of(RecordEffect outcome, String businessKey, int attempts) {
    return new AutoValue_WriteResult(outcome, Optional.ofNullable(businessKey), attempts);
  }
}
