package org.actitosync.actito;

/** The Actito calls the client makes; used in logs, exceptions and listener callbacks. */
public enum Operation {
  TOKEN,
  GET_CUSTOM_TABLE,
  GET_PROFILE_TABLE,
  ADD_ATTRIBUTE,
  RECORD_UPSERT,
  RECORD_UPDATE,
  RECORD_GET,
  RECORD_DELETE,
  PROFILE_GET,
  PROFILE_UPSERT,
  ETL_GET,
  ETL_TRIGGER,
  ETL_EXECUTE,
  ETL_STATUS,
  ETL_ERROR_REPORT
}
