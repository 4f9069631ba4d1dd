package org.actitosync.actito.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.actitosync.actito.http.Json;
import org.junit.jupiter.api.Test;

class EtlDefinitionTemplateTest {
  private static ImportFile file() {
    return CsvImportFiles.build(List.of("orderId", "amount"),
        List.of(Map.of("orderId", "o-1", "amount", "1")), CsvFormat.defaults(), Compression.GZIP,
        1 << 20);
  }

  @Test
  void theDefaultRendersTheContractsShape() throws Exception {
    String json = EtlDefinitionTemplate.defaults().render(EtlDefinitionTemplate.values(
        "my \"orders\"", "CREATE_UPDATE", List.of("orderId", "amount"), file(),
        List.of("ops@example.com")));
    JsonNode n = Json.MAPPER.readTree(json);
    assertEquals("ONE_SHOT", n.path("type").asText());
    JsonNode f = n.path("files").get(0);
    assertEquals("data.csv.gz", f.path("fileName").asText());
    assertEquals("my \"orders\"", f.path("table").path("name").asText());
    assertEquals("CUSTOM_TABLE", f.path("table").path("type").asText());
    assertEquals("CREATE_UPDATE", f.path("mode").asText());
    assertEquals(";", f.path("format").path("separator").asText());
    assertEquals("UTF-8", f.path("format").path("encoding").asText());
    assertEquals("GZIP", f.path("format").path("compression").asText());
    assertEquals("amount", f.path("attributesMapping").get(1).path("headerColumn").asText());
    assertEquals("amount", f.path("attributesMapping").get(1).path("attributeName").asText());
    assertEquals("ops@example.com", n.path("reportRecipients").get(0).asText());
  }

  @Test
  void noRecipientsIsAnEmptyList() throws Exception {
    String json = EtlDefinitionTemplate.defaults().render(EtlDefinitionTemplate.values(
        "orders", "CREATE_UPDATE", List.of("orderId"), file(), List.of()));
    assertTrue(Json.MAPPER.readTree(json).path("reportRecipients").isEmpty());
  }

  @Test
  void aUserTemplateWithOnlyTheRequiredPlaceholdersWorks() throws Exception {
    EtlDefinitionTemplate t = EtlDefinitionTemplate.of("{\"t\":\"${table}\",\"m\":\"${mode}\","
        + "\"f\":\"${fileName}\",\"map\":${mapping}}");
    JsonNode n = Json.MAPPER.readTree(t.render(EtlDefinitionTemplate.values("orders",
        "CREATE_UPDATE", List.of("orderId"), file(), List.of())));
    assertEquals("orders", n.path("t").asText());
    assertEquals("orderId", n.path("map").get(0).path("headerColumn").asText());
  }

  @Test
  void invalidTemplatesAreRefusedWithTheReason() {
    assertTrue(message("{\"t\":\"${table}\",\"m\":\"${mode}\",\"f\":\"${fileName}\"}")
        .contains("missing required placeholder(s) [mapping]"));
    assertTrue(message("{\"t\":\"${table}\",\"m\":\"${mode}\",\"f\":\"${fileName}\","
        + "\"map\":${mapping},\"x\":\"${tabel}\"}").contains("unknown placeholder(s) [tabel]"));
    assertTrue(message("{\"t\":\"${table}\",\"m\":\"${mode}\",\"f\":\"${fileName}\","
        + "\"map\":${mapping}").contains("not valid JSON"));
    // a string placeholder written outside quotes renders to invalid JSON
    assertTrue(message("{\"t\":${table},\"m\":\"${mode}\",\"f\":\"${fileName}\","
        + "\"map\":${mapping}}").contains("not valid JSON"));
    assertTrue(message("[\"${table}\",\"${mode}\",\"${fileName}\",${mapping}]")
        .contains("JSON object"));
  }

  private static String message(String template) {
    return assertThrows(IllegalArgumentException.class, () -> EtlDefinitionTemplate.of(template))
        .getMessage();
  }
}
