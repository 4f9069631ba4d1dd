package org.actitosync.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.ApiKey;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.actitosync.classify.Classifier;
import org.actitosync.classify.SyncMode;
import org.actitosync.coders.ClassificationCoder;
import org.actitosync.emulator.ActitoEmulator;
import org.actitosync.emulator.limits.RateMode;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.MappedRecord;
import org.actitosync.record.RecordDigester;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/** The emulator's demo entity with an orders table, and changes to write into it. */
final class WriterFixture {
  static final String KEY = "it-key-main-4f9c2a";
  static final String REVOCABLE = "it-key-revocable-81b7e0";
  static final AttributeLayout LAYOUT =
      AttributeLayout.of(
          Map.of(
              "orderId", AttributeType.STRING,
              "customerId", AttributeType.LONG,
              "amount", AttributeType.NUMBER,
              "status", AttributeType.STRING));
  static final RecordDigester DIGESTER = new RecordDigester(LAYOUT);
  /** Two attempts, a few milliseconds apart: a call that keeps failing ends FAILED at once. */
  static final org.actitosync.actito.retry.RetryPolicy FAST_RETRIES =
      org.actitosync.actito.retry.RetryPolicy.builder()
          .setMaxAttempts(2).setInitialBackoff(java.time.Duration.ofMillis(1))
          .setMaxBackoffPerAttempt(java.time.Duration.ofMillis(2))
          .setMaxTotalBackoff(java.time.Duration.ofMillis(10)).build();

  private WriterFixture() {}

  static String data() {
    try (var in = WriterFixture.class.getResourceAsStream("/actito/emulator-data.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ActitoEmulator.Builder emulator() {
    return ActitoEmulator.builder().data(data()).port(0).rateMode(RateMode.OFF);
  }

  static WriterConfig.Builder config(ActitoEmulator emulator, String apiKey) {
    return WriterConfig.builder()
        .setClient(
            ActitoClientConfig.builder()
                .setBaseUrl(emulator.baseUrl())
                .setEntity("demo")
                .setApiKey(ApiKey.of(apiKey))
                .build())
        .setTable("orders")
        .setKeyAttribute("orderId")
        .attributeTypes(LAYOUT.types())
        .setCallsPerMinute(1_000_000)
        .setRunKey("test-" + UUID.randomUUID());
  }

  static MappedRecord order(String id, long customer, String amount, String status) {
    Map<String, String> values = new TreeMap<>();
    values.put("orderId", id);
    values.put("customerId", Long.toString(customer));
    values.put("amount", amount);
    values.put("status", status);
    return MappedRecord.of(id, values);
  }

  /** Classifications of {@code rows} as keys new to the snapshot, under {@code mode}. */
  static List<Classification> newKeys(SyncMode mode, List<MappedRecord> rows) {
    Classifier classifier = new Classifier(mode, DIGESTER, 1);
    List<Classification> changes = new ArrayList<>();
    for (MappedRecord row : rows) {
      changes.add(classifier.classify(row.key(), List.of(row), null));
    }
    return changes;
  }

  /** Classifications of {@code rows} against entries recording {@code before} as written. */
  static List<Classification> updates(SyncMode mode, List<MappedRecord> before, List<MappedRecord> after) {
    Classifier classifier = new Classifier(mode, DIGESTER, 2);
    List<Classification> changes = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      SnapshotEntry entry = SnapshotEntry.written(before.get(i).key(), DIGESTER.digest(before.get(i)), 1);
      changes.add(classifier.classify(after.get(i).key(), List.of(after.get(i)), entry));
    }
    return changes;
  }

  static List<MappedRecord> orders(int count, String prefix) {
    List<MappedRecord> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(order(prefix + i, 1, i + ".5", "NEW"));
    }
    return rows;
  }

  static PCollection<WriteOutcome> write(Pipeline pipeline, List<Classification> changes, WriterConfig config) {
    return pipeline
        .apply("Changes", Create.of(changes).withCoder(ClassificationCoder.of()))
        .apply("Write", WriteToActito.with(config));
  }

  static PCollection<String> render(PCollection<WriteOutcome> outcomes) {
    return outcomes.apply("Render",
        MapElements.into(TypeDescriptors.strings())
            .via(o -> o.status() + " " + o.change().key()));
  }
}
