package org.actitosync.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes a one-line file of a run (the strategy choice, {@code strategy.json}) from a collection of
 * exactly one element (e.g. the output of {@code Combine.globally}): the element, then a newline,
 * as the file's whole content (what {@code TextIO.write().withoutSharding()} wrote). Returns the
 * file's name, once.
 *
 * <p>A plain {@code DoFn} writes the file straight to its final name, replaced atomically on local
 * paths (readers see no half file, see {@link AtomicFiles#replace}); a retried bundle writes the
 * same bytes to the same name again, so the result is the same. This takes no operator of its own
 * on the runner (it chains after the step that makes the element), where a {@code WriteFiles}
 * deploys a dozen: temporary files, their finalisation and its side inputs (issue 18).
 *
 * <p>With more than one element the last one written wins, so only use it where the content is a
 * deterministic function of the run (same run, same bytes).
 */
public final class WriteRunFile extends PTransform<PCollection<String>, PCollection<String>> {
  private final String file;

  private WriteRunFile(String file) {
    this.file = file;
  }

  /** Writes the one element to {@code file} (a Beam file name: a local path, {@code gs://…}). */
  public static WriteRunFile to(String file) {
    return new WriteRunFile(file);
  }

  @Override
  public PCollection<String> expand(PCollection<String> text) {
    return text.apply("WriteFile", ParDo.of(new WriteFn(file))).setCoder(StringUtf8Coder.of());
  }

  private static final class WriteFn extends DoFn<String, String> {
    private final String file;

    WriteFn(String file) {
      this.file = file;
    }

    @ProcessElement
    public void process(@Element String text, OutputReceiver<String> out) throws IOException {
      AtomicFiles.replace(FileSystems.matchNewResource(file, false), (text + "\n").getBytes(StandardCharsets.UTF_8));
      out.output(file);
    }
  }
}
