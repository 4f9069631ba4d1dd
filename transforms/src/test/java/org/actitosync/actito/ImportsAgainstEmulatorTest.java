package org.actitosync.actito;

import static org.actitosync.actito.EmulatorFixture.CUSTOMERS;
import static org.actitosync.actito.EmulatorFixture.KEY;
import static org.actitosync.actito.EmulatorFixture.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.etl.Compression;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.CsvImportFiles;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.actito.etl.ImportFileTooLargeException;
import org.actitosync.actito.etl.ImportMode;
import org.actitosync.actito.etl.ImportOutcome;
import org.actitosync.actito.etl.ImportParameters;
import org.actitosync.actito.etl.RowResult;
import org.actitosync.actito.etl.TableKind;
import org.actitosync.emulator.ActitoEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bulk imports over real HTTP against the embedded emulator. */
class ImportsAgainstEmulatorTest {
  static final List<String> COLUMNS = List.of("orderId", "customerId", "amount", "status", "note");
  static ActitoEmulator emu;

  @BeforeAll
  static void start() {
    emu = EmulatorFixture.start();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.admin().reset();
  }

  private static ActitoClient client(ActitoClientConfig.Builder config) {
    return EmulatorFixture.client(config.build(), new RecordingSleeper(null, 20));
  }

  private static Map<String, Object> row(String id, Object amount, String status) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", id);
    m.put("customerId", 1);
    m.put("amount", amount);
    m.put("status", status);
    m.put("note", "n, \"" + id + "\"");
    return m;
  }

  private static Map<String, Object> stored(String key) {
    return emu.admin().records("demo", ORDERS).stream()
        .filter(r -> key.equals(r.get("orderId"))).findFirst().orElse(null);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void rowsInErrorAreMappedToTheirKeys(Compression compression) {
    ActitoClient c = client(EmulatorFixture.config(emu, KEY).setImportCompression(compression));
    List<Map<String, Object>> rows = List.of(
        row("o-1", 11, "PAID"),             // existing: updated
        row("o 2/é=+", 2.5, "NEW"),         // created, key needs quoting care
        row("o-3", "not-a-number", "NEW"),  // error: amount
        row("o-4", 4, "UNKNOWN"),           // error: status not accepted
        row("o-5", 5, "NEW"));              // created
    ImportFile file = CsvImportFiles.build(COLUMNS, rows, CsvFormat.defaults(),
        c.config().importCompression(), c.config().maxImportBytes());
    ImportOutcome outcome = c.imports().run(TableKind.CUSTOM_TABLE, ORDERS, file,
        ImportParameters.of(ImportMode.CREATE_UPDATE), "orderId");

    assertTrue(outcome.result().withErrors());
    assertEquals(2, outcome.result().rowsInError());
    assertEquals(5, outcome.rows().size());
    assertEquals("UPDATED", outcome.rows().get("o-1").status());
    assertEquals("CREATED", outcome.rows().get("o 2/é=+").status());
    RowResult bad = outcome.rows().get("o-3");
    assertTrue(bad.isError());
    assertTrue(bad.message().contains("amount"), bad.message());
    assertTrue(outcome.rows().get("o-4").isError());
    assertTrue(outcome.rows().get("o-4").message().contains("status"), outcome.rows().get("o-4").message());
    assertFalse(outcome.rows().get("o-5").isError());

    assertEquals("PAID", stored("o-1").get("status"));
    assertEquals("n, \"o 2/é=+\"", stored("o 2/é=+").get("note"));
    assertEquals(null, stored("o-3"));
  }

  @Test
  void createOnlyModeLeavesExistingRowsAlone() {
    ActitoClient c = client(EmulatorFixture.config(emu, KEY).setPathStyle(PathStyle.PREFIXED));
    ImportFile file = CsvImportFiles.build(COLUMNS, List.of(row("o-1", 99, "PAID"), row("o-7", 7, "NEW")),
        CsvFormat.of(';', "\r\n"), Compression.ZIP, c.config().maxImportBytes());
    ImportOutcome outcome = c.imports().run(TableKind.CUSTOM_TABLE, ORDERS, file,
        ImportParameters.of(ImportMode.CREATE_ONLY), "orderId");
    assertFalse(outcome.rows().get("o-1").isError());
    assertEquals("CREATED", outcome.rows().get("o-7").status());
    assertEquals("NEW", stored("o-1").get("status"));
  }

  @Test
  void profileImport() {
    ActitoClient c = client(EmulatorFixture.config(emu, KEY));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("customerId", 9);
    p.put("emailAddress", "nine@example.com");
    p.put("lastName", "Nine");
    ImportFile file = CsvImportFiles.build(List.of("customerId", "emailAddress", "lastName"), List.of(p),
        CsvFormat.defaults(), Compression.ZIP, c.config().maxImportBytes());
    ImportOutcome outcome = c.imports().run(TableKind.PROFILE_TABLE, CUSTOMERS, file,
        ImportParameters.of(ImportMode.CREATE_UPDATE), "customerId");
    assertFalse(outcome.rows().get("9").isError());
    assertEquals("Nine", c.profiles().findByUniqueAttribute(CUSTOMERS, "customerId", "9")
        .orElseThrow().attributes().get("lastName"));
  }

  @Test
  void splitFilesAllImportAndOversizedFileIsRefused() {
    ActitoClient c = client(EmulatorFixture.config(emu, KEY).setMaxImportBytes(4000));
    Random r = new Random(3);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(row("k-" + i + "-" + Long.toHexString(r.nextLong()), i, "NEW"));
    }
    ImportFile whole = CsvImportFiles.build(COLUMNS, rows, CsvFormat.defaults(), Compression.ZIP, 1 << 30);
    assertThrows(ImportFileTooLargeException.class, () -> c.imports().create(TableKind.CUSTOM_TABLE,
        ORDERS, whole, ImportParameters.of(ImportMode.CREATE_UPDATE)));

    List<ImportFile> parts = CsvImportFiles.split(COLUMNS, rows, CsvFormat.defaults(), Compression.ZIP, 4000);
    assertTrue(parts.size() > 1);
    int created = 0;
    for (ImportFile part : parts) {
      created += c.imports().run(TableKind.CUSTOM_TABLE, ORDERS, part,
          ImportParameters.of(ImportMode.CREATE_UPDATE), "orderId").result().rowsCreated();
    }
    assertEquals(400, created);
    assertEquals(401, emu.admin().records("demo", ORDERS).size());
  }

  @Test
  void dailyQuota429WithALongRetryAfterFailsAtOnce() {
    try (ActitoEmulator quota = ActitoEmulator.builder().data(EmulatorFixture.data())
        .bulkImportsPerTablePerDay(1).start()) {
      RecordingSleeper sleeper = new RecordingSleeper(null, 20);
      ActitoClient c = EmulatorFixture.client(EmulatorFixture.config(quota, KEY).build(), sleeper);
      ImportFile file = CsvImportFiles.build(COLUMNS, List.of(row("q-1", 1, "NEW")),
          CsvFormat.defaults(), Compression.ZIP, c.config().maxImportBytes());
      c.imports().create(TableKind.CUSTOM_TABLE, ORDERS, file, ImportParameters.of(ImportMode.CREATE_UPDATE));
      org.actitosync.actito.errors.ActitoException e = assertThrows(
          org.actitosync.actito.errors.ActitoException.class, () -> c.imports().create(
              TableKind.CUSTOM_TABLE, ORDERS, file, ImportParameters.of(ImportMode.CREATE_UPDATE)));
      assertEquals(429, e.status());
      assertEquals(org.actitosync.actito.errors.ErrorClass.RETRYABLE, e.errorClass());
      assertTrue(e.retriesExhausted());
      // the emulator's Retry-After points at the quota reset, beyond the 2-minute budget: no sleep
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().contains("exceeds the remaining backoff budget"), e.getMessage());
      assertTrue(sleeper.sleeps.isEmpty());
      assertEquals(2, quota.admin().stats().route("POST /import"));
    }
  }
}
