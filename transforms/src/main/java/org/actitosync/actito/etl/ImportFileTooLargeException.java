package org.actitosync.actito.etl;

/**
 * An import file over the configured cap (Actito: 100 MB). Thrown before anything is sent; split
 * the rows with {@link CsvImportFiles#split}.
 */
public final class ImportFileTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ImportFileTooLargeException(String what, long bytes, long maxBytes) {
    super(what + " is " + bytes + " bytes, over the " + maxBytes
        + "-byte cap of an Actito import: split it (CsvImportFiles.split)");
  }
}
