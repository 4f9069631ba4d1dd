package org.actitosync.emulator.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.actitosync.emulator.model.TableKind;
import org.junit.jupiter.api.Test;

/** The ETL status derived from the import doing the work, and the error report's layout. */
class EtlExecutionTest {
  static final Instant T = Instant.parse("2026-01-15T10:00:00Z");

  static EtlExecution execution() {
    ImportParameters params = new ImportParameters(ImportMode.CREATE_UPDATE, StandardCharsets.UTF_8, ';', false,
        List.of());
    ImportFileReader.CsvFile file = new ImportFileReader.CsvFile(List.of("orderId", "note"),
        List.of(List.of("o-1", "a;b"), List.of("o-2", "x")));
    ImportJob job = new ImportJob(1_000_001, "demo", TableKind.CUSTOM_TABLE, "t", params, file, T);
    return new EtlExecution(job, null, "f.csv", TableKind.CUSTOM_TABLE, "orders");
  }

  @Test
  void runningThenSuccess() {
    EtlExecution e = execution();
    assertEquals(EtlExecution.Status.RUNNING, e.status());
    e.job().finish(List.of(new ImportJob.RowResult(List.of("o-1", "a;b"), "CREATED", ""),
        new ImportJob.RowResult(List.of("o-2", "x"), "SKIPPED", "exists")), T.plusSeconds(1));
    assertEquals(EtlExecution.Status.SUCCESS, e.status());
    assertFalse(e.hasErrorReport());
    assertEquals(T.plusSeconds(1), e.job().endMoment());
  }

  @Test
  void rowsInErrorMakeWithErrorAndTheReportNamesOnlyThem() {
    EtlExecution e = execution();
    e.job().finish(List.of(new ImportJob.RowResult(List.of("o-1", "a;b"), ImportJob.ERROR, "bad \"note\""),
        new ImportJob.RowResult(List.of("o-2", "x"), "UPDATED", "")), T);
    assertEquals(EtlExecution.Status.WITH_ERROR, e.status());
    assertTrue(e.hasErrorReport());
    assertEquals("orderId;note;errorMessage\no-1;\"a;b\";\"bad \"\"note\"\"\"\n", ResultFileWriter.errorReport(e.job()));
  }

  @Test
  void brokenProcessingIsError() {
    EtlExecution e = execution();
    e.job().fail("boom", T);
    assertEquals(EtlExecution.Status.ERROR, e.status());
    assertFalse(e.hasErrorReport());
  }
}
