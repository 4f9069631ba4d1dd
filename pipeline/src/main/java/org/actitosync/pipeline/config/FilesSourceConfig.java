package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/** {@code source.files}: every file matching a glob on any Beam filesystem, in one format. */
@AutoValue
public abstract class FilesSourceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A Beam file pattern: {@code /data/segment/*.csv}, {@code gs://bucket/seg/part-*.parquet}. */
  public abstract String glob();

  public abstract FileFormat format();

  public static FilesSourceConfig create(String glob, FileFormat format) {
    return new AutoValue_FilesSourceConfig(glob, format);
  }
}
