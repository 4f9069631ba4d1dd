/**
 * Client of Actito's REST API (custom tables, profiles, structures, v5 ETL executions for bulk writes), built on
 * google-http-client and Jackson, with no Beam dependency.
 *
 * <h2>Building a client</h2>
 *
 * {@link org.actitosync.actito.ActitoClientConfig} is an immutable, {@code Serializable}
 * AutoValue: build it on the launcher, ship it inside DoFns, and call {@link
 * org.actitosync.actito.ActitoClient#create} (or {@code builder(config).listener(...)}) in
 * {@code @Setup}. The API key is an {@link org.actitosync.actito.ApiKey} ({@code fromEnv}, {@code
 * fromFile}: resolved where the client runs, never serialized; {@code of}: tests).
 *
 * <h2>For the launcher (preflight)</h2>
 *
 * <pre>{@code
 * ActitoClient client = ActitoClient.create(config);
 * client.checkAuthentication();                                  // ActitoAuthException: stop
 * TableStructure t = client.structure().customTable("orders")    // by name or id
 *     .orElseThrow(() -> new IllegalStateException("no table orders"));
 * String pk = t.primaryKeyAttribute().orElseThrow();
 * client.structure().addAttribute("orders", AttributeDefinition.builder("channel", "STRING").build());
 * }</pre>
 *
 * <h2>For the writer (inside DoFns)</h2>
 *
 * <ul>
 *   <li>Per record: {@code records().upsert / update / createOnly / delete} return a {@link
 *       org.actitosync.actito.records.WriteResult} (outcome, attempts); profiles: {@code
 *       profiles().findByUniqueAttribute / upsert}.
 *   <li>Failures throw {@link org.actitosync.actito.errors.ActitoException} with {@code
 *       errorClass()}: PERMANENT → dead-letter the record with {@code status()} and {@code
 *       actitoMessage()}; RETRYABLE → retries already exhausted (or not replay-safe): dead-letter
 *       as FAILED so the next run retries it, and count it for a circuit breaker; {@link
 *       org.actitosync.actito.errors.ActitoAuthException} (AUTH) → rethrow to stop the run.
 *   <li>Bulk: {@link org.actitosync.actito.etl.CsvImportFiles#split} then {@code
 *       etl().trigger(etlId, file)} or {@code etl().oneShot(file, definition)}, {@code
 *       etl().await(id)}, and for WITH_ERROR {@code etl().errorReport(execution)} read by {@link
 *       org.actitosync.actito.etl.EtlErrorReport} → rows by key.
 *   <li>Metrics: register an {@link org.actitosync.actito.observe.ActitoCallListener}; add {@code
 *       onRetry}'s {@code sleepMillis} to Beam's {@code throttling-msecs} counter. {@code
 *       client.counters()} keeps totals too.
 * </ul>
 *
 * <p>Guarantees: errors are classified in one place ({@link
 * org.actitosync.actito.errors.ErrorClassifier}); retries follow {@link
 * org.actitosync.actito.retry.RetryPolicy}; payloads carry no call-time data, so every replay sends
 * the same bytes; ETL execution creation is only replayed when Actito provably did not process it. The
 * API key and access tokens never appear in logs, exception messages or {@code toString}.
 *
 * <p>Packages by role: {@code auth} (token cache), {@code http} (paths, escaping, JSON, the call
 * loop), {@code errors}, {@code retry}, {@code observe}, and one per API family ({@code records},
 * {@code profiles}, {@code structure}, {@code etl}).
 */
package org.actitosync.actito;
