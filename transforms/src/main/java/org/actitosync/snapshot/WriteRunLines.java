package org.actitosync.snapshot;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes the many-line files of a run (a dry run's plan: {@code plan/changes}, {@code
 * plan/rejected/part}, {@code plan/profiles}) in one {@code WriteFiles}. Each element is a pair
 * (file prefix, relative to the run directory; one JSON line); the lines of a prefix go to {@code
 * runs/<runId>/<prefix>-SSSSS-of-NNNNN.jsonl}, the names {@code
 * TextIO.write().to(prefix).withSuffix(".jsonl")} gives, one line each, newline-terminated.
 *
 * <p>One {@link FileIO#writeDynamic} for every kind rather than one {@code TextIO.write} each:
 * each {@code WriteFiles} deploys a dozen operators (temporary files, their finalisation, side
 * inputs), most of a small run's tasks (issue 18). The guarantees are {@code WriteFiles}': each
 * bundle writes temporary files that only the finalisation renames into place, so a retried bundle
 * leaves no duplicated or partial line. A prefix without lines gets no file ({@code TextIO.write}
 * wrote an empty one). Meant for a handful of prefixes: each bundle keeps one open writer per prefix
 * (no spilling to a second step).
 */
public final class WriteRunLines
    extends PTransform<PCollection<KV<String, String>>, WriteFilesResult<String>> {
  private final String runDirectory;

  private WriteRunLines(String runDirectory) {
    this.runDirectory = runDirectory;
  }

  /** Writes under {@code runs/<runId>/} of {@code store}. */
  public static WriteRunLines to(SnapshotStore store, String runId) {
    return new WriteRunLines(store.runDirectory(runId).toString());
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<KV<String, String>> lines) {
    return lines.apply("WriteLines",
        FileIO.<String, KV<String, String>>writeDynamic()
            .by(KV::getKey)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(Contextful.fn(KV::getValue), TextIO.sink())
            .to(runDirectory)
            .withNaming(prefix -> FileIO.Write.defaultNaming(prefix, ".jsonl"))
            // a bundle opens at most one writer per prefix, a handful: the spill path (a GroupByKey
            // and a second writer step for bundles with too many open writers) would never be used
            .withNoSpilling());
  }
}
