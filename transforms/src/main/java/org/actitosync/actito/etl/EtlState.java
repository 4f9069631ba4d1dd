package org.actitosync.actito.etl;

/** Where an ETL execution stands, as read through the {@link EtlContract}'s vocabularies. */
public enum EtlState {
  /** Not finished (a known running status, an unknown one, or none). */
  RUNNING,
  /** Finished, every data line written. */
  SUCCESS,
  /** Finished, the lines of the error report were not written, the others were. */
  WITH_ERROR,
  /** Finished, the execution as a whole failed: nothing it did can be trusted. */
  FAILED
}
