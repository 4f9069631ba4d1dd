package org.actitosync.pipeline.config;

/** Where an activation's rows come from. */
public enum SourceKind {
  JDBC,
  BIGQUERY,
  FILES
}
