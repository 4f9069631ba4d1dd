package org.actitosync.pipeline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.actitosync.actito.PathStyle;
import org.actitosync.actito.probe.ProbeResult;
import org.actitosync.pipeline.check.CheckLine.Verdict;
import org.junit.jupiter.api.Test;

class CheckVerdictsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ProbeResult answer(int status, String message) {
    return ProbeResult.of("GET /x", status, message, null);
  }

  private static ProbeResult json(int status, String body) throws Exception {
    return ProbeResult.of("GET /x", status, "", JSON.readTree(body));
  }

  @Test
  void tokenRefusedIsAnAuthVerdict() {
    CheckLine line = CheckVerdicts.token(answer(401, "bad key"));
    assertEquals(Verdict.AUTH, line.verdict());
    assertTrue(line.advice().startsWith("401: Actito refused the key"), line.advice());
    assertEquals(Verdict.OK, CheckVerdicts.token(answer(200, "")).verdict());
    assertEquals(Verdict.FAIL, CheckVerdicts.token(answer(404, "")).verdict());
  }

  @Test
  void aMissingRouteAdvisesThePathStyle() {
    CheckLine prefixed = CheckVerdicts.customTable(answer(404, ""), answer(404, ""), PathStyle.PREFIXED,
        "demo", "orders");
    assertEquals(Verdict.FAIL, prefixed.verdict());
    assertTrue(prefixed.advice().startsWith("404 on the route: this environment may need target.pathStyle CLASSIC"),
        prefixed.advice());
    CheckLine classic = CheckVerdicts.customTable(answer(404, ""), answer(404, ""), PathStyle.CLASSIC,
        "demo", "orders");
    assertTrue(classic.advice().contains("may need target.pathStyle PREFIXED"), classic.advice());
  }

  @Test
  void aMissingTableIsToldApartByTheTableList() throws Exception {
    CheckLine line = CheckVerdicts.customTable(answer(404, "No custom table nope"),
        json(200, "{\"customTables\":[{\"name\":\"orders\"},{\"name\":\"returns\"}]}"),
        PathStyle.PREFIXED, "demo", "nope");
    assertEquals(Verdict.FAIL, line.verdict());
    assertEquals("404: entity 'demo' has no custom table 'nope' (it has: orders, returns): check target.table",
        line.advice());
  }

  @Test
  void aFoundTableNamesItsPrimaryKey() throws Exception {
    CheckLine line = CheckVerdicts.customTable(json(200, "{\"primaryKeyAttribute\":\"orderId\"}"), null,
        PathStyle.PREFIXED, "demo", "orders");
    assertEquals(Verdict.OK, line.verdict());
    assertEquals("custom table 'orders' found (primary key orderId)", line.advice());
  }

  @Test
  void theRecordProbeExpects404() {
    assertEquals(Verdict.OK, CheckVerdicts.missingRecord(answer(404, ""), PathStyle.PREFIXED).verdict());
    assertEquals(Verdict.FAIL, CheckVerdicts.missingRecord(answer(200, ""), PathStyle.PREFIXED).verdict());
    assertEquals(Verdict.FAIL, CheckVerdicts.missingRecord(answer(400, "bad key"), PathStyle.PREFIXED).verdict());
  }

  @Test
  void etlAndProfileTableVerdicts() {
    assertEquals(Verdict.OK, CheckVerdicts.etl(answer(200, ""), "123456", "demo").verdict());
    CheckLine etl = CheckVerdicts.etl(answer(404, ""), "999", "demo");
    assertEquals(Verdict.FAIL, etl.verdict());
    assertTrue(etl.advice().contains("has no ETL 999: check write.bulk.etlId"), etl.advice());
    CheckLine profiles = CheckVerdicts.profileTable(answer(404, ""), PathStyle.PREFIXED, "customers");
    assertTrue(profiles.advice().contains("check profiles.table"), profiles.advice());
  }

  @Test
  void otherAnswersSayWhatToDo() {
    assertEquals(Verdict.AUTH, CheckVerdicts.other(answer(403, "")).verdict());
    assertTrue(CheckVerdicts.other(answer(0, "Connection refused")).advice()
        .startsWith("no answer (Connection refused): check target.baseUrl"));
    assertTrue(CheckVerdicts.other(answer(429, "")).advice().contains("try again later"));
    assertTrue(CheckVerdicts.other(answer(503, "")).advice().startsWith("503: Actito is unavailable"));
  }

  @Test
  void aLineRendersRouteStatusVerdictAndAdvice() {
    CheckLine line = new CheckLine("GET /auth/token", 200, Verdict.OK, "Actito accepted the key");
    assertEquals("check: GET /auth/token -> 200 OK: Actito accepted the key", line.render());
    assertEquals("check: GET /a -> no answer FAIL: x", new CheckLine("GET /a", 0, Verdict.FAIL, "x").render());
  }

  @Test
  void theProbeKeyFitsTheKeyType() throws Exception {
    assertEquals("-4611686018427387904", ConnectionCheck.impossibleKey(JSON.readTree(
        "{\"attributes\":[{\"name\":\"id\",\"valueType\":\"LONG\"}]}"), "id"));
    assertTrue(ConnectionCheck.impossibleKey(JSON.readTree(
        "{\"attributes\":[{\"name\":\"id\",\"valueType\":\"STRING\"}]}"), "id").startsWith("actito-sync-check-"));
    assertTrue(ConnectionCheck.impossibleKey(null, "id").startsWith("actito-sync-check-"));
  }
}
