package org.actitosync.write;

/** How creates and updates are sent: one record call each, or bulk imports of CSV files. */
public enum Strategy {
  /** Choose per run by cost (see {@link StrategyChooser}). */
  AUTO,
  RECORDS,
  BULK
}
