package org.actitosync.actito.etl;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpMediaType;
import com.google.api.client.http.MultipartContent;
import com.google.api.client.util.Sleeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.actitosync.actito.Operation;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.http.ActitoHttp;
import org.actitosync.actito.http.ActitoPaths;
import org.actitosync.actito.http.ApiRequest;
import org.actitosync.actito.http.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk writes through Actito's v5 ETL executions ({@code /mass-imports/v5/entities/{e}/...}):
 * trigger an existing ETL with a data file, or run a one-shot ETL with the file and its
 * definition; poll the execution; fetch its error report. Every inferred name comes from the
 * {@link EtlContract}.
 *
 * <p>Replay safety: creating an execution is <b>not</b> idempotent (a replay imports the file
 * twice and spends another unit of the table's daily quota). {@link #trigger} and {@link #oneShot}
 * are therefore retried only when Actito provably did not process the request: 429 (e.g. the daily
 * quota), 503 and refused connections (and the one re-mint after a 401). Any other RETRYABLE
 * failure (500, 502, 504, read timeout, reset) is thrown at once as {@link ActitoException} with
 * class RETRYABLE so the caller decides (the writer marks the rows FAILED and the next run resends
 * them). The file bytes are deterministic, so a resend sends the same content. Reading an ETL,
 * polling and report downloads are idempotent and retried normally.
 */
public final class EtlApi {
  private static final Logger LOG = LoggerFactory.getLogger(EtlApi.class);
  private static final String BOUNDARY = "actito-sync-part-boundary-7f3a9c";

  private final ActitoHttp http;
  private final ActitoPaths paths;
  private final Sleeper sleeper;
  private final ImportPollingPolicy polling;
  private final long maxImportBytes;
  private final EtlContract contract;

  public EtlApi(ActitoHttp http, ActitoPaths paths, Sleeper sleeper, ImportPollingPolicy polling,
      long maxImportBytes, EtlContract contract) {
    this.http = http;
    this.paths = paths;
    this.sleeper = sleeper;
    this.polling = polling;
    this.maxImportBytes = maxImportBytes;
    this.contract = contract;
  }

  public EtlContract contract() {
    return contract;
  }

  /** The ETL {@code etlId}, or empty when Actito answers 404. */
  public Optional<EtlDefinition> etl(String etlId) {
    ApiResponse r = http.execute(
        ApiRequest.of(Operation.ETL_GET, "GET", paths.etl(etlId), null).passingThrough(404));
    if (r.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(EtlDefinition.fromJson(etlId, r.json(), contract));
  }

  /**
   * Starts an execution of the existing ETL {@code etlId} on {@code file} and returns its id.
   *
   * @throws ImportFileTooLargeException before sending anything when the file is over the cap
   */
  public String trigger(String etlId, ImportFile file) {
    MultipartContent body = multipart(file);
    return started(ApiRequest.of(Operation.ETL_TRIGGER, "POST", paths.etlTrigger(etlId), body),
        "ETL " + etlId, file);
  }

  /**
   * Starts a one-shot execution of {@code file} with {@code definitionJson} (see {@link
   * EtlDefinitionTemplate}) and returns its id.
   *
   * @throws ImportFileTooLargeException before sending anything when the file is over the cap
   */
  public String oneShot(ImportFile file, String definitionJson) {
    MultipartContent body = multipart(file);
    body.addPart(part(contract.definitionPart(), contract.definitionFileName(),
        new ByteArrayContent("application/json", definitionJson.getBytes(StandardCharsets.UTF_8))));
    return started(ApiRequest.of(Operation.ETL_EXECUTE, "POST", paths.etlExecutions(), body),
        "a one-shot ETL", file);
  }

  /** One read of the execution's status. */
  public EtlExecution execution(String executionId) {
    ApiResponse r = http.execute(ApiRequest.of(Operation.ETL_STATUS, "GET",
        paths.etlExecution(executionId), null));
    return EtlExecution.fromJson(executionId, r.json(), contract);
  }

  /**
   * Polls until the execution is finished, sleeping per {@link ImportPollingPolicy} (first poll
   * at once, then doubling intervals, bounded in total).
   *
   * @throws ActitoException RETRYABLE, retries exhausted, when it is still running after {@code
   *     maxWait}
   */
  public EtlExecution await(String executionId) {
    long waited = 0;
    long interval = polling.initialInterval().toMillis();
    long maxWait = polling.maxWait().toMillis();
    int polls = 0;
    while (true) {
      EtlExecution execution = execution(executionId);
      polls++;
      if (execution.isFinished()) {
        LOG.debug("ETL execution {} finished: {}", executionId, execution);
        return execution;
      }
      if (!contract.isKnownRunning(execution.status())) {
        LOG.warn("ETL execution {} has status '{}', which the ETL contract does not know: taken as"
            + " still running", executionId, execution.status());
      }
      if (waited >= maxWait) {
        throw new ActitoException(Operation.ETL_STATUS, "ETL execution " + executionId,
            ErrorClass.RETRYABLE, 200, "execution still " + execution.status(), polls, true,
            "not finished after waiting " + waited + " ms", null);
      }
      long sleep = Math.min(interval, maxWait - waited);
      try {
        sleeper.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ActitoException(Operation.ETL_STATUS, "ETL execution " + executionId,
            ErrorClass.RETRYABLE, 0, "interrupted while waiting", polls, false, null, e);
      }
      waited += sleep;
      interval = Math.min(Math.max(interval * 2, 1), polling.maxInterval().toMillis());
    }
  }

  /**
   * The raw error report of a finished execution: from its {@code errorReport} link when the
   * status gave one, else from the contract's route.
   */
  public byte[] errorReport(EtlExecution execution) {
    String href = execution.errorReportHref();
    String path = href == null
        ? paths.etlExecution(execution.id()) + contract.errorReportRouteSuffix()
        : pathOf(href);
    return http.execute(ApiRequest.of(Operation.ETL_ERROR_REPORT, "GET", path, null)
        .withAccept("text/csv, application/octet-stream, */*")).body();
  }

  private String started(ApiRequest request, String what, ImportFile file) {
    if (file.sizeBytes() > maxImportBytes) {
      throw new ImportFileTooLargeException("the import file", file.sizeBytes(), maxImportBytes);
    }
    ApiResponse r = http.execute(request.notReplaySafe());
    String id = EtlContract.firstText(r.json(), contract.executionIdFields());
    if (id == null) {
      throw new ActitoException(request.operation(), request.toString(), ErrorClass.RETRYABLE,
          r.status(), "no execution id in the answer (looked at " + contract.executionIdFields()
              + ")", r.attempts(), false, "see write.bulk.contract", null);
    }
    LOG.info("started ETL execution {} of {} ({} rows, {} bytes)", id, what, file.rows(),
        file.sizeBytes());
    return id;
  }

  private MultipartContent multipart(ImportFile file) {
    MultipartContent body = new MultipartContent()
        .setMediaType(new HttpMediaType("multipart/form-data").setParameter("boundary", BOUNDARY));
    body.addPart(part(contract.inputFilePart(), file.fileName(), file.content()));
    return body;
  }

  /** A link's path and query (a link may be absolute or relative to the base URL). */
  static String pathOf(String href) {
    if (href.startsWith("/")) {
      return href;
    }
    URI uri = URI.create(href);
    return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static MultipartContent.Part part(String name, String fileName, HttpContent content) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Disposition",
        "form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"");
    return new MultipartContent.Part(headers, content);
  }
}
