package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.actitosync.actito.etl.EtlContract;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code write.bulk}: how bulk writes use Actito's v5 ETL executions. {@code etlId} set: trigger
 * that ETL; else one-shot executions with {@code definitionTemplate} (the jar's by default). The
 * template and contract files are read and checked when the config is parsed, so a bad one stops
 * the run (exit 2) before any data moves.
 */
@AutoValue
public abstract class BulkSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  abstract @Nullable String etlIdOrNull();

  abstract @Nullable String definitionTemplateFileOrNull();

  abstract @Nullable String contractFileOrNull();

  /** {@code write.bulk.etlId}: the ETL to trigger. */
  public Optional<String> etlId() {
    return Optional.ofNullable(etlIdOrNull());
  }

  /** {@code write.bulk.definitionTemplate}'s file, when given. */
  public Optional<String> definitionTemplateFile() {
    return Optional.ofNullable(definitionTemplateFileOrNull());
  }

  /** The checked one-shot definition template (the file's, or the jar's). */
  public abstract EtlDefinitionTemplate definitionTemplate();

  /** {@code write.bulk.reportRecipients}: e-mail addresses for Actito's execution reports. */
  public abstract List<String> reportRecipients();

  /** {@code write.bulk.contract}'s file, when given. */
  public Optional<String> contractFile() {
    return Optional.ofNullable(contractFileOrNull());
  }

  /** The ETL contract (the file's over the jar's defaults, or the defaults). */
  public abstract EtlContract contract();

  public static BulkSettings create(Optional<String> etlId, Optional<String> templateFile,
      EtlDefinitionTemplate template, List<String> reportRecipients, Optional<String> contractFile,
      EtlContract contract) {
    return new AutoValue_BulkSettings(etlId.orElse(null), templateFile.orElse(null),
        contractFile.orElse(null), template, List.copyOf(reportRecipients), contract);
  }

  public static BulkSettings defaults() {
    return create(Optional.empty(), Optional.empty(), EtlDefinitionTemplate.defaults(), List.of(),
        Optional.empty(), EtlContract.defaults());
  }
}
