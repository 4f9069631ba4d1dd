package org.actitosync.write;

import java.io.Serializable;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.actitosync.change.WriteSemantics;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;

/** Counts a run's changes for the strategy choice: creates and updates, deletes, CSV bytes. */
final class ChangeStats implements Serializable {
  private static final long serialVersionUID = 1L;

  long upserts;
  long createOnly;
  long updateOnly;
  long deletes;
  long csvBytes;

  ChangeStats add(Classification change) {
    if (change.kind() == ChangeKind.DELETE) {
      deletes++;
      return this;
    }
    upserts++;
    if (change.semantics() == WriteSemantics.CREATE_ONLY) {
      createOnly++;
    } else if (change.semantics() == WriteSemantics.UPDATE_ONLY) {
      updateOnly++;
    }
    long bytes = change.key().length() + 2;
    for (String value : change.values().values()) {
      bytes += value.length() + 3;
    }
    csvBytes += bytes;
    return this;
  }

  ChangeStats merge(ChangeStats other) {
    upserts += other.upserts;
    createOnly += other.createOnly;
    updateOnly += other.updateOnly;
    deletes += other.deletes;
    csvBytes += other.csvBytes;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChangeStats)) {
      return false;
    }
    ChangeStats other = (ChangeStats) o;
    return upserts == other.upserts && createOnly == other.createOnly
        && updateOnly == other.updateOnly && deletes == other.deletes
        && csvBytes == other.csvBytes;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(upserts, createOnly, updateOnly, deletes, csvBytes);
  }

  /** Record calls per create or update on average (create-only costs a lookup and a create). */
  int callsPerChange() {
    return upserts > 0 && createOnly * 2 > upserts ? 2 : 1;
  }

  /** True when every create and update is create-or-update (the only bulk-writable kind). */
  boolean onlyCreateOrUpdate() {
    return createOnly == 0 && updateOnly == 0;
  }

  long bytesPerRow() {
    return upserts == 0 ? 0 : Math.max(1, csvBytes / upserts);
  }

  /** Combines changes into their stats. */
  static final class Fn extends Combine.CombineFn<Classification, ChangeStats, ChangeStats> {
    @Override
    public ChangeStats createAccumulator() {
      return new ChangeStats();
    }

    @Override
    public ChangeStats addInput(ChangeStats acc, Classification change) {
      return acc.add(change);
    }

    @Override
    public ChangeStats mergeAccumulators(Iterable<ChangeStats> accumulators) {
      ChangeStats merged = new ChangeStats();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public ChangeStats extractOutput(ChangeStats acc) {
      return acc;
    }

    @Override
    public Coder<ChangeStats> getAccumulatorCoder(CoderRegistry registry, Coder<Classification> input) {
      return SerializableCoder.of(ChangeStats.class);
    }

    @Override
    public Coder<ChangeStats> getDefaultOutputCoder(CoderRegistry registry, Coder<Classification> input) {
      return SerializableCoder.of(ChangeStats.class);
    }
  }
}
