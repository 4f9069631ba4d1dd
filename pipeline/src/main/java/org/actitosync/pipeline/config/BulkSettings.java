package org.actitosync.pipeline.config;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.actitosync.actito.etl.EtlContract;
import org.actitosync.actito.etl.EtlDefinitionTemplate;

/**
 * {@code write.bulk}: how bulk writes use Actito's v5 ETL executions. {@code etlId} set: trigger
 * that ETL; else one-shot executions with {@code definitionTemplate} (the jar's by default). The
 * template and contract files are read and checked when the config is parsed, so a bad one stops
 * the run (exit 2) before any data moves.
 */
@AutoValue
public abstract class BulkSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code write.bulk.etlId}: the ETL to trigger. */
  public abstract Optional<String> etlId();

  /** {@code write.bulk.definitionTemplate}'s file, when given. */
  public abstract Optional<String> definitionTemplateFile();

  /** The checked one-shot definition template (the file's, or the jar's). */
  public abstract EtlDefinitionTemplate definitionTemplate();

  /** {@code write.bulk.reportRecipients}: e-mail addresses for Actito's execution reports. */
  public abstract List<String> reportRecipients();

  /** {@code write.bulk.contract}'s file, when given. */
  public abstract Optional<String> contractFile();

  /** The ETL contract (the file's over the jar's defaults, or the defaults). */
  public abstract EtlContract contract();

  public static BulkSettings create(Optional<String> etlId, Optional<String> templateFile,
      EtlDefinitionTemplate template, List<String> reportRecipients, Optional<String> contractFile,
      EtlContract contract) {
    return new AutoValue_BulkSettings(etlId, templateFile, template, List.copyOf(reportRecipients),
        contractFile, contract);
  }

  public static BulkSettings defaults() {
    return create(Optional.empty(), Optional.empty(), EtlDefinitionTemplate.defaults(), List.of(),
        Optional.empty(), EtlContract.defaults());
  }
}
