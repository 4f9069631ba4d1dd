package org.actitosync.actito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.actitosync.actito.ScriptedServer.Reply;
import org.actitosync.actito.TestClocks.RecordingSleeper;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.errors.ErrorClass;
import org.actitosync.actito.profiles.ProfileWriteResult;
import org.actitosync.actito.records.RecordEffect;
import org.actitosync.actito.records.WriteResult;
import org.actitosync.actito.structure.TableStructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that omit fields the client reads, or carry them elsewhere, over real HTTP (a scripted
 * server): a run never breaks on an omitted detail, and a missing piece of evidence is never read
 * as success.
 */
class TolerantAnswersTest {
  private ScriptedServer server;
  private ActitoClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    ActitoClientConfig config = ActitoClientConfig.builder().setBaseUrl(server.baseUrl())
        .setEntity("demo").setApiKey(ApiKey.of("scripted-key")).build();
    client = ActitoClient.builder(config).sleeper(new RecordingSleeper(null)).jitter(() -> 0.5).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void recordPostIsAcceptedOnItsStatusWhateverTheBodyCarries() {
    server.then(Reply.of(200, "{}"), Reply.of(201, ""), Reply.of(200, "OK"),
        Reply.of(200, "{\"created\":null,\"businessKey\":null,\"extra\":[1]}"),
        Reply.of(200, "{\"created\":true,\"businessKey\":\"o-1\"}"));
    for (int i = 0; i < 4; i++) {
      WriteResult r = client.records().upsert("orders", Map.of("orderId", "o-1"));
      assertEquals(RecordEffect.UPSERTED, r.outcome(), "answer " + i);
      assertEquals(Optional.empty(), r.businessKey(), "answer " + i);
    }
    WriteResult told = client.records().upsert("orders", Map.of("orderId", "o-1"));
    assertEquals(RecordEffect.CREATED, told.outcome());
    assertEquals(Optional.of("o-1"), told.businessKey());
  }

  @Test
  void createOnlyWithoutCreatedOrBusinessKeyIsCreatedUnderItsOwnKey() {
    server.then(Reply.of(404, "{\"message\":\"no record\"}"), Reply.of(200, "{}"));
    WriteResult r = client.records().createOnly("orders", "o-9", Map.of("orderId", "o-9"));
    assertEquals(RecordEffect.CREATED, r.outcome());
    assertEquals(Optional.of("o-9"), r.businessKey());
  }

  @Test
  void profileIdIsReadTopLevelOrFromTheAttributesAsNumberOrString() {
    server.then(Reply.of(200, "{\"profileId\":7}"),
        Reply.of(200, "{\"profileId\":\"8\",\"created\":true}"),
        Reply.of(200, "{\"attributes\":[{\"name\":\"lastName\",\"value\":\"X\"},"
            + "{\"name\":\"profileId\",\"value\":\"9\"}],\"subscriptions\":[],\"segmentations\":[]}"),
        Reply.of(200, "{\"attributes\":[{\"name\":\"profileId\",\"value\":10}]}"));
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(client.profiles().upsert("customers", Map.of("customerId", 1), true).profileId().getAsLong());
    }
    assertEquals(List.of(7L, 8L, 9L, 10L), ids);
  }

  @Test
  void profileFoundInTheSdkShapeYieldsItsId() {
    server.then(Reply.of(200, "{\"attributes\":[{\"name\":\"profileId\",\"value\":\"7\"},"
        + "{\"name\":\"emailAddress\",\"value\":\"a@b.c\"}],\"subscriptions\":[],\"segmentations\":[]}"),
        Reply.of(200, "{\"attributes\":[{\"name\":\"emailAddress\",\"value\":\"a@b.c\"}]}"));
    var sdk = client.profiles().findByUniqueAttribute("customers", "emailAddress", "a@b.c").orElseThrow();
    assertEquals(OptionalLong.of(7), sdk.profileId());
    assertEquals("a@b.c", sdk.attributes().get("emailAddress"));
    // found (200) but no id anywhere: the profile exists, its id is unknown, never a guessed 0
    var noId = client.profiles().findByUniqueAttribute("customers", "emailAddress", "a@b.c").orElseThrow();
    assertEquals(OptionalLong.empty(), noId.profileId());
  }

  @Test
  void profilePostWithoutAnIdIsAFailureNotACreatedProfile() {
    for (String body : List.of("{}", "{\"created\":true}", "", "<html>ok</html>",
        "{\"profileId\":null}", "{\"profileId\":\"seven\"}", "{\"attributes\":[{\"name\":\"profileId\"}]}")) {
      server.then(Reply.of(200, body));
      ActitoException e = assertThrows(ActitoException.class,
          () -> client.profiles().upsert("customers", Map.of("customerId", 1), false), body);
      assertEquals(ErrorClass.RETRYABLE, e.errorClass(), body);
      assertEquals(200, e.status());
      assertTrue(e.getMessage().contains("no profileId"), e.getMessage());
      assertTrue(e.getMessage().contains("/profiles/v4/entity/demo/table/customers/profile"), e.getMessage());
    }
    server.then(Reply.of(409, "{\"message\":\"exists\"}"));
    assertEquals(ProfileWriteResult.Outcome.EXISTS,
        client.profiles().upsert("customers", Map.of("customerId", 1), false).outcome());
  }

  @Test
  void tokenAnswerWithoutAnAccessTokenIsARetryableFailureNotACrash() throws Exception {
    ActitoClientConfig config = ActitoClientConfig.builder().setBaseUrl(server.baseUrl())
        .setEntity("demo").setApiKey(ApiKey.of("scripted-key"))
        .setRetryPolicy(org.actitosync.actito.retry.RetryPolicy.builder().setMaxAttempts(2).build()).build();
    ActitoClient c = ActitoClient.builder(config).sleeper(new RecordingSleeper(null)).jitter(() -> 0.5).build();
    server.thenToken(Reply.of(200, "{\"token\":\"x\"}"), Reply.of(200, "<html>login</html>"));
    ActitoException e = assertThrows(ActitoException.class, () -> c.records().get("orders", "k"));
    assertEquals(ErrorClass.RETRYABLE, e.errorClass());
    assertTrue(e.retriesExhausted());
    assertTrue(e.getMessage().contains("carries no accessToken"), e.getMessage());
    assertEquals(2, server.tokenCalls());
    assertTrue(server.seen().stream().allMatch(s -> s.rawPath.equals("/auth/token")), "no data call without a token");
    assertEquals(Optional.of(Map.of()), c.records().get("orders", "k")); // next mint is fine: {} = no properties
  }

  @Test
  void structureWithoutIdOrNameKeepsTheTableItWasFoundBy() {
    server.then(Reply.of(200, "{\"attributes\":[{\"name\":\"orderId\",\"valueType\":\"STRING\"},"
        + "{\"valueType\":\"LONG\"}]}"));
    TableStructure t = client.structure().customTable("orders").orElseThrow();
    assertEquals("orders", t.id());
    assertEquals("orders", t.name());
    assertEquals(Optional.empty(), t.primaryKeyAttribute());
    assertEquals(1, t.attributes().size());
    server.then(Reply.of(200, "{\"operations\":[]}"));
    assertEquals("", client.structure().addAttribute(t.id(),
        org.actitosync.actito.structure.AttributeDefinition.builder("x", "STRING").build()).id());
    assertEquals("/custom-table-structure/v5/entities/demo/custom-tables/orders/change-requests",
        server.seen().get(server.seen().size() - 1).rawPath);
  }
}
