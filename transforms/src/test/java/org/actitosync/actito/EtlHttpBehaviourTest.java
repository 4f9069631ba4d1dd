package org.actitosync.actito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.actitosync.actito.ScriptedServer.Reply;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.etl.Compression;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.CsvImportFiles;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.actito.etl.ImportFileTooLargeException;
import org.actitosync.actito.etl.EtlExecution;
import org.actitosync.actito.etl.EtlState;
import org.junit.jupiter.api.Test;

/** HTTP behaviour of the v5 ETL calls against a scripted local server: replays, tolerant reading, polling. */
class EtlHttpBehaviourTest extends ScriptedClientBase {
  private static ImportFile oneRowFile() {
    return CsvImportFiles.build(List.of("orderId"), List.of(Map.of("orderId", "o-1")),
        CsvFormat.defaults(), Compression.GZIP, 1 << 20);
  }

  @Test
  void etlExecutionCreationIsNotReplayedAfterAmbiguousFailure() {
    server.then(Reply.of(502, "bad gateway"));
    ActitoClient c = client();
    ActitoException e = assertThrows(ActitoException.class,
        () -> c.etl().oneShot(oneRowFile(), "{\"type\":\"ONE_SHOT\"}"));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertFalse(e.retriesExhausted());
    assertTrue(e.getMessage().contains("not replayed"), e.getMessage());
    assertEquals(1, dataCalls().size());
    assertEquals(Operation.ETL_EXECUTE, e.operation());
  }

  @Test
  void etlTriggerIsReplayedAfter429WithOnlyTheDataFile() {
    server.then(Reply.of(429, "", Map.of("Retry-After", "1")),
        Reply.of(200, "{\"executionId\":\"77\"}"));
    assertEquals("77", client().etl().trigger("123456", oneRowFile()));
    assertEquals(2, dataCalls().size());
    assertEquals("/mass-imports/v5/entities/demo/etls/123456/trigger-execution",
        dataCalls().get(0).rawPath);
    assertEquals(dataCalls().get(0).body, dataCalls().get(1).body); // identical bytes on replay
    assertTrue(dataCalls().get(0).body.contains("name=\"inputFile\"; filename=\"data.csv.gz\""));
    assertFalse(dataCalls().get(0).body.contains("etlDefinition"));
  }

  @Test
  void oneShotSendsTheDefinitionPartAndReadsANestedNumericExecutionId() {
    server.then(Reply.of(200, "{\"etl\":{\"executionId\":99}}"));
    assertEquals("99", client().etl().oneShot(oneRowFile(), "{\"type\":\"ONE_SHOT\"}"));
    ScriptedServer.Seen call = dataCalls().get(0);
    assertEquals("/mass-imports/v5/entities/demo/etl-executions", call.rawPath);
    assertTrue(call.body.contains("name=\"etlDefinition\"; filename=\"etl-definition.json\""),
        call.body);
    assertTrue(call.body.contains("{\"type\":\"ONE_SHOT\"}"), call.body);
    assertTrue(call.body.indexOf("inputFile") < call.body.indexOf("etlDefinition"));
  }

  @Test
  void anAnswerWithoutExecutionIdIsAFailureNotASuccess() {
    server.then(Reply.of(200, "{\"started\":true}"));
    ActitoException e = assertThrows(ActitoException.class,
        () -> client().etl().trigger("1", oneRowFile()));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertTrue(e.getMessage().contains("no execution id"), e.getMessage());
  }

  @Test
  void tooLargeFileIsRefusedBeforeSending() {
    ActitoClientConfig config = ActitoClientConfig.builder().setBaseUrl(server.baseUrl())
        .setEntity("demo").setApiKey(ApiKey.of("scripted-key")).setMaxImportBytes(10).build();
    ActitoClient c = ActitoClient.builder(config).sleeper(sleeper).build();
    assertThrows(ImportFileTooLargeException.class, () -> c.etl().trigger("1", oneRowFile()));
    assertTrue(server.seen().isEmpty());
  }

  @Test
  void etlStatusIsReadTolerantly() {
    server.then(Reply.of(200, "{\"executionStatus\":\"WITH_ERROR\",\"files\":[{\"rowsInError\":\"3\"}],"
            + "\"_links\":{\"errorReport\":{\"href\":\"https://x.example/r/7?a=b\"}},\"extra\":1}"),
        Reply.of(200, "{\"etl\":{\"executionStatus\":\"ERROR\"}}"),
        Reply.of(200, "{\"unknown\":true}"),
        Reply.of(200, "id;errorMessage\n"));
    EtlExecution withError = client().etl().execution("7");
    assertEquals(EtlState.WITH_ERROR, withError.state());
    assertEquals(3L, withError.rowsInError());
    assertEquals(EtlState.FAILED, client().etl().execution("7").state());
    assertEquals(EtlState.RUNNING, client().etl().execution("7").state());
    client().etl().errorReport(withError);
    assertEquals("/r/7?a=b", dataCalls().get(3).rawPath);
    assertEquals("/mass-imports/v5/entities/demo/etl-executions/7", dataCalls().get(0).rawPath);
  }

  @Test
  void etlNotFoundIsEmpty() {
    server.then(Reply.of(404, "{\"message\":\"no such ETL\"}"),
        Reply.of(200, "{\"id\":\"5\",\"table\":{\"name\":\"orders\"},\"mode\":\"CREATE_ONLY\"}"));
    assertTrue(client().etl().etl("4").isEmpty());
    var found = client().etl().etl("5").orElseThrow();
    assertEquals("orders", found.tableName().orElseThrow());
    assertEquals("CREATE_ONLY", found.mode().orElseThrow());
    assertEquals("/mass-imports/v5/entities/demo/etls/4", dataCalls().get(0).rawPath);
  }

  @Test
  void etlPollingIsBoundedWithGrowingIntervals() {
    for (int i = 0; i < 50; i++) {
      server.then(Reply.of(200, "{\"id\":\"5\",\"status\":\"RUNNING\"}"));
    }
    ActitoClientConfig config = ActitoClientConfig.builder().setBaseUrl(server.baseUrl())
        .setEntity("demo").setApiKey(ApiKey.of("scripted-key"))
        .setImportPolling(org.actitosync.actito.etl.ImportPollingPolicy.of(
            Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(30))).build();
    ActitoClient c = ActitoClient.builder(config).sleeper(sleeper).build();
    ActitoException e = assertThrows(ActitoException.class, () -> c.etl().await("5"));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertTrue(e.retriesExhausted());
    assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 8000L, 7000L), sleeper.sleeps);
  }

  @Test
  void awaitReturnsTheFinishedExecution() {
    server.then(Reply.of(200, "{\"status\":\"RUNNING\"}"),
        Reply.of(200, "{\"status\":\"SUCCESS\"}"));
    assertEquals(EtlState.SUCCESS, client().etl().await("6").state());
    assertEquals(List.of(1000L), sleeper.sleeps);
  }
}
