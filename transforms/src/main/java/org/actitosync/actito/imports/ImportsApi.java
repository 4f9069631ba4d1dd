package org.actitosync.actito.imports;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpMediaType;
import com.google.api.client.http.MultipartContent;
import com.google.api.client.util.Sleeper;
import java.util.Map;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.actitosync.actito.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk imports (v4 mass-imports API): upload a zipped/gzipped CSV with its parameters, poll the
 * result, read the per-row result file.
 *
 * <p>Replay safety: creating an import is <b>not</b> idempotent (a replay imports the file twice
 * and spends another of the table's daily bulk calls). {@link #create} is therefore retried only
 * when Actito provably did not process the request: 429 (e.g. daily quota, concurrency), 503 and
 * refused connections (and the one re-mint after a 401). Any other RETRYABLE failure (500, 502,
 * 504, read timeout, reset) is thrown at once as {@link ActitoException} with class RETRYABLE so
 * the caller decides (e.g. fail the run and let the next run resend). The file bytes are
 * deterministic, so a resend by a later run sends the same content. Polling and result downloads
 * are idempotent and retried normally.
 */
public final class ImportsApi {
  private static final Logger LOG = LoggerFactory.getLogger(ImportsApi.class);
  private static final String BOUNDARY = "actito-sync-part-boundary-7f3a9c";

  private final ActitoHttp http;
  private final ActitoPaths paths;
  private final Sleeper sleeper;
  private final ImportPollingPolicy polling;
  private final long maxImportBytes;

  public ImportsApi(ActitoHttp http, ActitoPaths paths, Sleeper sleeper,
      ImportPollingPolicy polling, long maxImportBytes) {
    this.http = http;
    this.paths = paths;
    this.sleeper = sleeper;
    this.polling = polling;
    this.maxImportBytes = maxImportBytes;
  }

  /**
   * Starts an import and returns its id.
   *
   * @throws ImportFileTooLargeException before sending anything when the file is over the cap
   */
  public long create(TableKind kind, String table, ImportFile file, ImportParameters parameters) {
    if (file.sizeBytes() > maxImportBytes) {
      throw new ImportFileTooLargeException("the import file", file.sizeBytes(), maxImportBytes);
    }
    MultipartContent body = new MultipartContent()
        .setMediaType(new HttpMediaType("multipart/form-data").setParameter("boundary", BOUNDARY));
    body.addPart(part("inputFile", file.fileName(),
        new ByteArrayContent(file.compression().mediaType(), file.bytesNoCopy())));
    body.addPart(part("parameters", "parameters.json",
        Json.content(parameters.toJson(file))));
    String path = kind == TableKind.CUSTOM_TABLE
        ? paths.customTableImport(table) : paths.profileTableImport(table);
    ApiResponse r = http.execute(
        ApiRequest.of(Operation.IMPORT_CREATE, "POST", path, body).notReplaySafe());
    long id = r.json().path("id").asLong(-1);
    if (id < 0) {
      throw new IllegalStateException("Actito import creation returned no id");
    }
    LOG.info("started Actito import {} into {} {} ({} rows, {} bytes)", id, kind, table,
        file.rows(), file.sizeBytes());
    return id;
  }

  /** The current status of an import (one poll). */
  public ImportResult result(long importId) {
    ApiResponse r = http.execute(
        ApiRequest.of(Operation.IMPORT_RESULT, "GET", paths.importResult(importId), null));
    return ImportResult.fromJson(importId, r.json());
  }

  /**
   * Polls until the import is finished, sleeping per {@link ImportPollingPolicy} (bounded).
   *
   * @throws ActitoException RETRYABLE, retries exhausted, when it is still running after {@code
   *     maxWait}
   */
  public ImportResult await(long importId) {
    long waited = 0;
    long interval = polling.initialInterval().toMillis();
    long maxWait = polling.maxWait().toMillis();
    int polls = 0;
    while (true) {
      ImportResult result = result(importId);
      polls++;
      if (result.isFinished()) {
        LOG.debug("import {} finished: {}", importId, result);
        return result;
      }
      if (waited >= maxWait) {
        throw new ActitoException(Operation.IMPORT_RESULT, "import " + importId,
            ErrorClass.RETRYABLE, 200, "import still " + result.status(), polls, true,
            "not finished after waiting " + waited + " ms", null);
      }
      long sleep = Math.min(interval, maxWait - waited);
      LOG.debug("import {} is {}; polling again in {} ms", importId, result.status(), sleep);
      try {
        sleeper.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ActitoException(Operation.IMPORT_RESULT, "import " + importId,
            ErrorClass.RETRYABLE, 0, "interrupted while waiting", polls, false, null, e);
      }
      waited += sleep;
      interval = Math.min(Math.max(interval * 2, 1), polling.maxInterval().toMillis());
    }
  }

  /** The raw result file. */
  public byte[] resultFile(long importId) {
    return http.execute(ApiRequest.of(Operation.IMPORT_RESULT_FILE, "GET",
        paths.importResultFile(importId), null).withAccept("text/csv, application/octet-stream, */*"))
        .body();
  }

  /** The result file's rows by the value of {@code keyColumn}. */
  public Map<String, RowResult> resultRows(long importId, String keyColumn, char separator) {
    return ResultFiles.parse(resultFile(importId), separator, keyColumn);
  }

  /**
   * Create, wait, and map row results to keys. An import that FAILED as a whole is thrown as a
   * PERMANENT {@link ActitoException}.
   *
   * @param keyColumn the CSV column identifying rows (usually the table's primary key)
   */
  public ImportOutcome run(TableKind kind, String table, ImportFile file,
      ImportParameters parameters, String keyColumn) {
    long id = create(kind, table, file, parameters);
    ImportResult result = await(id);
    if (result.isFailed()) {
      throw new ActitoException(Operation.IMPORT_RESULT, "import " + id, ErrorClass.PERMANENT, 200,
          "import ended with status " + result.status(), 1, false, null, null);
    }
    Map<String, RowResult> rows = parameters.generateResultFile()
        ? resultRows(id, keyColumn, file.format().separator()) : Map.of();
    return ImportOutcome.of(result, rows);
  }

  private static MultipartContent.Part part(String name, String fileName,
      com.google.api.client.http.HttpContent content) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Disposition",
        "form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"");
    return new MultipartContent.Part(headers, content);
  }
}
