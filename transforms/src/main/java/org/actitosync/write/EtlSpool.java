package org.actitosync.write;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.etl.CsvFormat;
import org.actitosync.actito.etl.ImportFile;
import org.actitosync.actito.etl.ImportFileWriter;

/**
 * One import file of {@link EtlExecutions} being built, on disk: its compressed CSV ({@link
 * ImportFileWriter}) and, beside it, the items of its lines in the same order, encoded with the
 * spec's coder, so that their verdicts can be given, and the file halved, by reading them back
 * instead of holding them on the heap. {@link #close} deletes both temporary files.
 */
final class EtlSpool<T> implements AutoCloseable {
  private final EtlExecutions.Spec<T> spec;
  private final ActitoClientConfig client;
  private final Path dir;
  private final ImportFileWriter csv;
  private final Path spill;
  private OutputStream spillOut;

  private EtlSpool(EtlExecutions.Spec<T> spec, ActitoClientConfig client, Path dir)
      throws IOException {
    this.spec = spec;
    this.client = client;
    this.dir = dir;
    this.csv = ImportFileWriter.create(dir, spec.columns(), CsvFormat.defaults(),
        client.importCompression(), client.maxImportBytes());
    try {
      this.spill = dir == null ? Files.createTempFile(ImportFileWriter.PREFIX, ".items")
          : Files.createTempFile(dir, ImportFileWriter.PREFIX, ".items");
      this.spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
    } catch (IOException | RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  /**
   * An empty file for {@code spec}'s items, under {@code client}'s file cap and compression, in
   * {@code dir} (null: the JVM's temporary directory).
   */
  static <T> EtlSpool<T> create(EtlExecutions.Spec<T> spec, ActitoClientConfig client, Path dir) {
    try {
      return new EtlSpool<>(spec, client, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSV line of {@code item} (see {@link ImportFileWriter#line}). */
  byte[] line(T item) {
    return csv.line(spec.row(item));
  }

  /** Whether {@code line} still goes in this file under the cap. */
  boolean fits(byte[] line) {
    return csv.fits(line);
  }

  /** Appends {@code item}, whose CSV line is {@code line}. */
  void add(T item, byte[] line) {
    csv.add(line);
    try {
      spec.coder().encode(item, spillOut);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int rows() {
    return csv.rows();
  }

  /** The finished import file (no item can be added after). */
  ImportFile file() {
    closeSpill();
    return csv.finish();
  }

  /** Reads the items back, in the file's order. */
  void forEach(Consumer<T> action) {
    closeSpill();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(spill), 1 << 16)) {
      for (int i = 0; i < rows(); i++) {
        action.accept(spec.coder().decode(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its items in two new files, the first half and the rest (for a file refused as a whole). */
  List<EtlSpool<T>> halves() {
    int half = rows() / 2;
    EtlSpool<T> first = create(spec, client, dir);
    EtlSpool<T> second;
    try {
      second = create(spec, client, dir);
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
    try {
      int[] n = {0};
      forEach(item -> (n[0]++ < half ? first : second).add(item, line(item)));
      return List.of(first, second);
    } catch (RuntimeException e) {
      first.close();
      second.close();
      throw e;
    }
  }

  /** Deletes both temporary files; idempotent. */
  @Override
  public void close() {
    try {
      closeSpill();
    } finally {
      csv.close();
      try {
        Files.deleteIfExists(spill);
      } catch (IOException e) {
        spill.toFile().deleteOnExit();
      }
    }
  }

  private void closeSpill() {
    if (spillOut != null) {
      try {
        spillOut.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        spillOut = null;
      }
    }
  }
}
