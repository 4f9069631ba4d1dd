package org.actitosync.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code runs/<runId>/manifest.json}: what a snapshot run is. Written by the commit step once the
 * run's entries are complete, before {@code CURRENT} moves; so a manifest's presence means the
 * entries beside it are whole.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Manifest implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String activation;
  private final String runId;
  private final @Nullable String baseRunId;
  private final int runNumber;
  private final String mappingFingerprint;
  private final Map<String, AttributeType> layout;
  private final Map<String, Long> counts;

  @JsonCreator
  public Manifest(
      @JsonProperty("activation") String activation,
      @JsonProperty("runId") String runId,
      @JsonProperty("baseRunId") @Nullable String baseRunId,
      @JsonProperty("runNumber") int runNumber,
      @JsonProperty("mappingFingerprint") String mappingFingerprint,
      @JsonProperty("layout") Map<String, AttributeType> layout,
      @JsonProperty("counts") @Nullable Map<String, Long> counts) {
    this.activation = Objects.requireNonNull(activation, "activation");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.baseRunId = baseRunId;
    this.runNumber = runNumber;
    this.mappingFingerprint = Objects.requireNonNull(mappingFingerprint, "mappingFingerprint");
    this.layout = Collections.unmodifiableMap(new TreeMap<>(layout));
    this.counts =
        Collections.unmodifiableMap(counts == null ? new TreeMap<>() : new TreeMap<>(counts));
  }

  public static Manifest of(
      String activation,
      String runId,
      @Nullable String baseRunId,
      int runNumber,
      AttributeLayout layout,
      Map<String, Long> counts) {
    return new Manifest(
        activation, runId, baseRunId, runNumber, layout.fingerprint(), layout.types(), counts);
  }

  @JsonProperty
  public String activation() {
    return activation;
  }

  @JsonProperty
  public String runId() {
    return runId;
  }

  @JsonProperty
  public @Nullable String baseRunId() {
    return baseRunId;
  }

  @JsonProperty
  public int runNumber() {
    return runNumber;
  }

  @JsonProperty
  public String mappingFingerprint() {
    return mappingFingerprint;
  }

  @JsonProperty
  public Map<String, AttributeType> layout() {
    return layout;
  }

  @JsonProperty
  public Map<String, Long> counts() {
    return counts;
  }

  public AttributeLayout attributeLayout() {
    return AttributeLayout.of(layout);
  }

  public Manifest withCounts(Map<String, Long> newCounts) {
    return new Manifest(
        activation, runId, baseRunId, runNumber, mappingFingerprint, layout,
        new LinkedHashMap<>(newCounts));
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise manifest of run " + runId, e);
    }
  }

  public static Manifest fromJson(byte[] json) throws IOException {
    return JSON.readValue(json, Manifest.class);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Manifest)) {
      return false;
    }
    Manifest m = (Manifest) o;
    return activation.equals(m.activation)
        && runId.equals(m.runId)
        && Objects.equals(baseRunId, m.baseRunId)
        && runNumber == m.runNumber
        && mappingFingerprint.equals(m.mappingFingerprint)
        && layout.equals(m.layout)
        && counts.equals(m.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(activation, runId, baseRunId, runNumber, mappingFingerprint, layout, counts);
  }

  @Override
  public String toString() {
    return "Manifest{" + activation + "/" + runId + " base=" + baseRunId + " #" + runNumber + "}";
  }
}
