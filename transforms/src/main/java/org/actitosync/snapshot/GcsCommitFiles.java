package org.actitosync.snapshot;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.storage.Storage;
import com.google.api.services.storage.model.StorageObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.beam.sdk.extensions.gcp.options.GcsOptions;
import org.apache.beam.sdk.extensions.gcp.util.Transport;
import org.apache.beam.sdk.extensions.gcp.util.gcsfs.GcsPath;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The commit's file operations on {@code gs://}, through the GCS JSON API with generation
 * preconditions, so the guarantees hold between any number of concurrent runs:
 *
 * <ul>
 *   <li>{@link #createIfAbsent}: one upload with {@code ifGenerationMatch=0}; GCS creates the
 *       object only if no live generation exists and answers 412 otherwise, so of two runs racing
 *       on one claim exactly one creates it;
 *   <li>{@link #replaceIfUnchanged}: one upload with {@code ifGenerationMatch=<generation read>}
 *       ({@code 0} when it was absent): readers see the old or the new object, and a writer whose
 *       read is stale gets 412 and writes nothing (it cannot move {@code CURRENT} back);
 *   <li>{@link #read}: the object's metadata, then the content of exactly that generation.
 * </ul>
 *
 * <p>The client is Beam's ({@link Transport#newStorageClient}): the credentials of {@link
 * GcsOptions} and its {@code --gcsEndpoint} (default: Google's), with Beam's retries of 5xx, 429
 * and I/O errors. A retried upload that had in fact succeeded answers 412; the {@link Committer}
 * re-reads before it concludes that it lost.
 */
final class GcsCommitFiles implements CommitFiles {
  private static final int PRECONDITION_FAILED = 412;
  private static final int NOT_FOUND = 404;
  private static final int READ_ATTEMPTS = 5;

  private final Storage storage;

  GcsCommitFiles(Storage storage) {
    this.storage = storage;
  }

  static GcsCommitFiles create(PipelineOptions options) {
    return new GcsCommitFiles(Transport.newStorageClient(options.as(GcsOptions.class)).build());
  }

  @Override
  public boolean createIfAbsent(ResourceId file, byte[] content) throws IOException {
    return upload(file, content, 0L);
  }

  @Override
  public Optional<Versioned> read(ResourceId file) throws IOException {
    GcsPath path = GcsPath.fromUri(file.toString());
    for (int attempt = 1; ; attempt++) {
      StorageObject metadata;
      try {
        metadata = storage.objects().get(path.getBucket(), path.getObject()).execute();
      } catch (HttpResponseException e) {
        if (e.getStatusCode() == NOT_FOUND) {
          return Optional.empty();
        }
        throw e;
      }
      long generation = metadata.getGeneration();
      Storage.Objects.Get media =
          storage.objects().get(path.getBucket(), path.getObject()).setGeneration(generation);
      try (InputStream in = media.executeMediaAsInputStream()) {
        return Optional.of(new Versioned(in.readAllBytes(), generation));
      } catch (HttpResponseException e) {
        // That generation was replaced between the two calls: read the new one.
        if (e.getStatusCode() != NOT_FOUND || attempt >= READ_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public void write(ResourceId file, byte[] content) throws IOException {
    upload(file, content, null);
  }

  @Override
  public boolean replaceIfUnchanged(
      ResourceId file, byte[] content, Optional<Versioned> expected) throws IOException {
    long generation = expected.map(Versioned::generation).orElse(0L);
    if (generation == UNVERSIONED) {
      throw new IllegalArgumentException(file + ": expected version was not read from GCS");
    }
    return upload(file, content, generation);
  }

  /** One media upload, conditional when {@code ifGenerationMatch} is set; false on 412. */
  private boolean upload(ResourceId file, byte[] content, @Nullable Long ifGenerationMatch)
      throws IOException {
    GcsPath path = GcsPath.fromUri(file.toString());
    Storage.Objects.Insert insert =
        storage
            .objects()
            .insert(
                path.getBucket(), null, new ByteArrayContent("application/octet-stream", content))
            .setName(path.getObject());
    if (ifGenerationMatch != null) {
      insert.setIfGenerationMatch(ifGenerationMatch);
    }
    insert.getMediaHttpUploader().setDirectUploadEnabled(true);
    try {
      insert.execute();
      return true;
    } catch (HttpResponseException e) {
      if (ifGenerationMatch != null && e.getStatusCode() == PRECONDITION_FAILED) {
        return false;
      }
      throw e;
    }
  }
}
