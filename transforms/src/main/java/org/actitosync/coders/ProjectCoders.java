package org.actitosync.coders;

import org.actitosync.change.Classification;
import org.actitosync.change.WriteOutcome;
import org.actitosync.record.MappedRecord;
import org.actitosync.snapshot.SnapshotEntry;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;

/** Registers this project's coders on a pipeline, so every transform finds them. */
public final class ProjectCoders {
  private ProjectCoders() {}

  public static void register(Pipeline pipeline) {
    CoderRegistry registry = pipeline.getCoderRegistry();
    registry.registerCoderForClass(MappedRecord.class, MappedRecordCoder.of());
    registry.registerCoderForClass(SnapshotEntry.class, SnapshotEntryCoder.of());
    registry.registerCoderForClass(Classification.class, ClassificationCoder.of());
    registry.registerCoderForClass(WriteOutcome.class, WriteOutcomeCoder.of());
  }
}
