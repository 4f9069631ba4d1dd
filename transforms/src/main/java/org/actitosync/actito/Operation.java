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
  IMPORT_CREATE,
  IMPORT_RESULT,
  IMPORT_RESULT_FILE
}
