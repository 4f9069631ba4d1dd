package org.actitosync.actito.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.actitosync.actito.http.Json;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class EtlContractTest {
  private final EtlContract defaults = EtlContract.defaults();

  @Test
  void defaultsAreTheWireContractsNames() {
    assertEquals("inputFile", defaults.inputFilePart());
    assertEquals("etlDefinition", defaults.definitionPart());
    assertEquals("errorMessage", defaults.reportMessageColumn());
    assertEquals("/error-report", defaults.errorReportRouteSuffix());
    assertEquals("/_links/errorReport/href", defaults.errorReportLinkField());
    assertEquals("CREATE_UPDATE", defaults.createOrUpdateMode());
    assertEquals(List.of("/executionId", "/id", "/etl/executionId"), defaults.executionIdFields());
  }

  @Test
  void statusVocabularies() {
    assertEquals(EtlState.SUCCESS, defaults.state("SUCCESS"));
    assertEquals(EtlState.WITH_ERROR, defaults.state("with_error"));
    for (String failed : List.of("ERROR", "FAILED", "CANCELLED", "ABORTED")) {
      assertEquals(EtlState.FAILED, defaults.state(failed));
    }
    assertEquals(EtlState.RUNNING, defaults.state("RUNNING"));
    assertEquals(EtlState.RUNNING, defaults.state("SOMETHING_NEW"));
    assertEquals(EtlState.RUNNING, defaults.state(null));
    assertTrue(defaults.isKnownRunning("running"));
  }

  @Test
  void firstPresentFieldWins() throws Exception {
    var node = Json.MAPPER.readTree("{\"id\":12,\"etl\":{\"executionId\":\"x\"}}");
    assertEquals("12", EtlContract.firstText(node, defaults.executionIdFields()));
    assertNull(EtlContract.firstText(Json.MAPPER.readTree("{\"executionId\":null}"),
        defaults.executionIdFields()));
  }

  @Test
  void aUserFileReplacesTheKeysItGives() {
    EtlContract c = EtlContract.fromJson("{\"_comment\":\"mine\",\"inputFilePart\":\"file\","
        + "\"successStatuses\":[\"DONE\"]}", defaults);
    assertEquals("file", c.inputFilePart());
    assertEquals(EtlState.SUCCESS, c.state("DONE"));
    assertEquals(EtlState.RUNNING, c.state("SUCCESS"));
    assertEquals(defaults.definitionPart(), c.definitionPart());
  }

  @Test
  void aBadUserFileSaysWhatIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EtlContract.fromJson("{\"inputFilePart\":", defaults)).getMessage().contains("not valid JSON"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EtlContract.fromJson("{\"inputFile\":\"x\"}", defaults)).getMessage()
        .contains("unknown key(s) [inputFile]"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EtlContract.fromJson("{\"statusFields\":\"/status\"}", defaults)).getMessage()
        .contains("statusFields"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EtlContract.fromJson("{\"inputFilePart\":[\"a\"]}", defaults)).getMessage()
        .contains("inputFilePart"));
  }

  @Test
  void serializable() {
    assertEquals(defaults, SerializableUtils.clone(defaults));
  }
}
