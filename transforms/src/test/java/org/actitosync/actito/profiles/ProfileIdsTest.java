package org.actitosync.actito.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.actitosync.actito.http.Json;
import org.junit.jupiter.api.Test;

class ProfileIdsTest {
  private static OptionalLong read(String json) {
    return ProfileIds.read(Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void topLevelNumberOrString() {
    assertEquals(OptionalLong.of(7), read("{\"profileId\":7}"));
    assertEquals(OptionalLong.of(7), read("{\"profileId\":\" 7 \"}"));
  }

  @Test
  void insideTheAttributesAsActitosSdkShowsIt() {
    assertEquals(OptionalLong.of(7), read("{\"attributes\":[{\"name\":\"lastName\",\"value\":\"x\"},"
        + "{\"name\":\"profileId\",\"value\":\"7\"}],\"subscriptions\":[],\"segmentations\":[]}"));
    assertEquals(OptionalLong.of(8), read("{\"attributes\":[{\"name\":\"profileId\",\"value\":8}]}"));
    assertEquals(OptionalLong.of(9), read("{\"profileId\":null,\"attributes\":[{\"name\":\"profileId\",\"value\":9}]}"));
  }

  @Test
  void nothingReadableIsEmptyNeverAGuess() {
    for (String json : new String[] {"{}", "[]", "{\"profileId\":null}", "{\"profileId\":\"\"}",
        "{\"profileId\":\"seven\"}", "{\"profileId\":7.5}", "{\"profileId\":-3}", "{\"profileId\":true}",
        "{\"attributes\":[{\"name\":\"profileId\"}]}", "{\"attributes\":{\"profileId\":7}}",
        "{\"profileId\":\"99999999999999999999\"}"}) {
      assertEquals(OptionalLong.empty(), read(json), json);
    }
  }
}
