package org.actitosync.write;

/** How creates and updates are sent: one record call each, or CSV files through v5 ETL executions. */
public enum Strategy {
  /** Choose per run by cost (see {@link StrategyChooser}). */
  AUTO,
  RECORDS,
  BULK
}
