package org.actitosync.runners.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.limits.RateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher behind {@link DataflowLauncher}, on the DirectRunner against the Actito
 * emulator: the API key exists only in a (fake) Secret Manager, and the run authenticates, writes
 * and commits with it.
 */
class SecretReferenceEndToEndTest {
  static final String KEY = "sm-key-5e1f";
  static final String KEY_REF = "projects/my-project/secrets/actito-key/versions/4";

  @TempDir Path temp;

  @Test
  void aRunAuthenticatesWithTheKeyFromSecretManager() throws Exception {
    String data = "{\"entities\":[{\"id\":1,\"name\":\"demo\"}],"
        + "\"apiKeys\":[{\"key\":\"" + KEY + "\",\"entities\":[\"demo\"]}],"
        + "\"limits\":{\"rateMode\":\"OFF\"},"
        + "\"customTables\":[{\"entity\":\"demo\",\"id\":\"a4aa57cd-0000-0000-0000-000000000001\","
        + "\"name\":\"orders\",\"primaryKeyAttribute\":\"orderId\",\"attributes\":["
        + "{\"name\":\"orderId\",\"valueType\":\"STRING\",\"mandatory\":true,\"unique\":true},"
        + "{\"name\":\"amount\",\"valueType\":\"NUMBER\"}],\"records\":[]}]}";
    Files.writeString(temp.resolve("segment.csv"), "order_id,amount\no-1,10.5\no-2,3\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    try (ActitoEmulator emulator =
        ActitoEmulator.builder().data(data).port(0).rateMode(RateMode.OFF).start()) {
      int code = new DataflowLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), new FakeSecrets(Map.of(KEY_REF, KEY)))
          .run(new String[] {
              "--name=orders", "--mode=UPSERT", "--key=order_id",
              "--source.files.glob=" + temp.resolve("segment.csv"), "--source.files.format=csv",
              "--mapping=order_id=orderId:STRING", "--mapping=amount=amount:NUMBER",
              "--target.baseUrl=" + emulator.baseUrl(), "--target.entity=demo", "--target.table=orders",
              "--snapshot.root=" + temp.resolve("snapshots"),
              "--apiKeySecret=" + KEY_REF, "--secretDirectory=" + temp.resolve("secrets"),
              "--runner=DirectRunner", "--targetParallelism=1", "--progressSeconds=0"});

      assertEquals(0, code, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
      TreeSet<Object> keys = new TreeSet<>();
      emulator.admin().records("demo", "orders").forEach(r -> keys.add(r.get("orderId")));
      assertEquals(new TreeSet<>(java.util.List.of("o-1", "o-2")), keys);
    }
    assertFalse((out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).contains(KEY));
  }
}
