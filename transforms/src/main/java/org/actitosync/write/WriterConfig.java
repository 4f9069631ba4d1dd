package org.actitosync.write;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.actitosync.actito.ActitoClientConfig;
import org.actitosync.actito.etl.EtlDefinitionTemplate;
import org.actitosync.record.AttributeType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Immutable configuration of {@link WriteToActito}. Defaults: 4 concurrent requests (never above
 * the licence's limit, 5 by default), 90 calls per minute (headroom under Actito's 100 for other
 * integrations), strategy AUTO, at most 2 bulk (ETL) executions per run, one-shot executions with
 * the jar's definition template, a run fails as an outage when more than half of at least 20 calls
 * failed after retries, timestamps written in UTC.
 */
@AutoValue
public abstract class WriterConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_CONCURRENCY = 4;
  public static final int DEFAULT_LICENCE_CONCURRENCY = 5;
  public static final double DEFAULT_CALLS_PER_MINUTE = 90;

  public abstract ActitoClientConfig client();

  /** The custom table's name. */
  public abstract String table();

  /** The custom table's primary key attribute (always sent). */
  public abstract String keyAttribute();

  /** Types of the mapped attributes, for the wire format. */
  public abstract Map<String, AttributeType> attributeTypes();

  /**
   * The zone TIMESTAMP values are written in ({@code target.timeZone}, default UTC): only the wire
   * text depends on it (see {@link WireValues}), canonical values and digests stay UTC.
   */
  public abstract ZoneId timeZone();

  /** The most requests in flight at once, over the whole run. */
  public abstract int concurrency();

  /** The licence's concurrency limit; {@link #concurrency()} may not exceed it. */
  public abstract int licenceConcurrency();

  public abstract double callsPerMinute();

  public abstract Strategy strategy();

  public abstract int maxImportsPerRun();

  /** Estimated processing time of one ETL execution (for the strategy choice). */
  public abstract Duration importDuration();

  /** Share of failed (after retries) calls above which the run fails as an outage. */
  public abstract double outageFailureShare();

  /** Minimum number of calls before the outage share is judged. */
  public abstract int outageMinCalls();

  public abstract @Nullable ProfilesOption profiles();

  /**
   * The ETL that bulk writes trigger ({@code write.bulk.etlId}); null: one-shot executions with
   * {@link #definitionTemplate()}. The ETL's names for inferred fields are the client's {@link
   * ActitoClientConfig#etlContract()}.
   */
  public abstract @Nullable String etlId();

  /** The one-shot ETL definition's template (default: the jar's). */
  public abstract EtlDefinitionTemplate definitionTemplate();

  /** E-mail addresses Actito sends one-shot execution reports to (default none). */
  public abstract List<String> reportRecipients();

  /** Identity of the run (the run id), for the writer's log lines. */
  public abstract String runKey();

  /** How each writer step's call budget is made (the system clock unless a test injects one). */
  public abstract Pacing pacing();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_WriterConfig.Builder()
        .setConcurrency(DEFAULT_CONCURRENCY)
        .setLicenceConcurrency(DEFAULT_LICENCE_CONCURRENCY)
        .setCallsPerMinute(DEFAULT_CALLS_PER_MINUTE)
        .setTimeZone(ZoneOffset.UTC)
        .setStrategy(Strategy.AUTO)
        .setMaxImportsPerRun(2)
        .setImportDuration(Duration.ofMinutes(5))
        .setOutageFailureShare(0.5)
        .setOutageMinCalls(20)
        .setPacing(Pacing.systemClock())
        .setDefinitionTemplate(EtlDefinitionTemplate.defaults())
        .setReportRecipients(List.of());
  }

  public AttributeType type(String attribute) {
    AttributeType type = attributeTypes().get(attribute);
    if (type == null) {
      throw new IllegalArgumentException("attribute '" + attribute + "' is not mapped");
    }
    return type;
  }

  /** Builder; {@link #build()} validates every limit and names the field that is wrong. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setClient(ActitoClientConfig client);

    public abstract Builder setTable(String table);

    public abstract Builder setKeyAttribute(String keyAttribute);

    abstract Builder setAttributeTypes(Map<String, AttributeType> types);

    public Builder attributeTypes(Map<String, AttributeType> types) {
      return setAttributeTypes(Collections.unmodifiableMap(new TreeMap<>(types)));
    }

    public abstract Builder setTimeZone(ZoneId zone);

    public abstract Builder setConcurrency(int concurrency);

    public abstract Builder setLicenceConcurrency(int limit);

    public abstract Builder setCallsPerMinute(double callsPerMinute);

    public abstract Builder setStrategy(Strategy strategy);

    public abstract Builder setMaxImportsPerRun(int imports);

    public abstract Builder setImportDuration(Duration duration);

    public abstract Builder setOutageFailureShare(double share);

    public abstract Builder setOutageMinCalls(int calls);

    public abstract Builder setProfiles(@Nullable ProfilesOption profiles);

    public abstract Builder setEtlId(@Nullable String etlId);

    public abstract Builder setDefinitionTemplate(EtlDefinitionTemplate template);

    public abstract Builder setReportRecipients(List<String> recipients);

    abstract List<String> reportRecipients();

    public abstract Builder setRunKey(String runKey);

    public abstract Builder setPacing(Pacing pacing);

    abstract WriterConfig autoBuild();

    public WriterConfig build() {
      setReportRecipients(List.copyOf(reportRecipients()));
      WriterConfig c = autoBuild();
      if (c.concurrency() < 1 || c.concurrency() > c.licenceConcurrency()) {
        throw new IllegalArgumentException(
            "write.concurrency must be between 1 and the licence's limit of "
                + c.licenceConcurrency() + " concurrent requests, not " + c.concurrency());
      }
      if (!(c.callsPerMinute() > 0)) {
        throw new IllegalArgumentException(
            "write.callsPerMinute must be positive, not " + c.callsPerMinute());
      }
      if (c.outageFailureShare() <= 0 || c.outageFailureShare() > 1) {
        throw new IllegalArgumentException(
            "write.outageFailureShare must be in (0, 1], not " + c.outageFailureShare());
      }
      if (!c.attributeTypes().containsKey(c.keyAttribute())) {
        throw new IllegalArgumentException(
            "the key attribute '" + c.keyAttribute() + "' is not among the mapped attributes");
      }
      return c;
    }
  }
}
