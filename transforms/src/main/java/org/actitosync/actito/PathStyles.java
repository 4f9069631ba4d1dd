package org.actitosync.actito;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * The {@link PathStyle} of each Actito API family the client calls. Default: every family
 * PREFIXED ({@link #prefixed()}); {@link #classic()} is the explicit option for old environments.
 * The v5 ETL routes ({@code /mass-imports/v5/...}) have no classic form and are always prefixed.
 */
@AutoValue
public abstract class PathStyles implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Record routes: {@code .../customTable/{t}/record...} (prefix {@code /custom-data}). */
  public abstract PathStyle customData();

  /** Custom-table structure and change requests (prefix {@code /custom-table-structure}). */
  public abstract PathStyle customTableStructure();

  /** Profile-table structure (prefix {@code /profile-table-structure}). */
  public abstract PathStyle profileTableStructure();

  /** Profile routes: {@code .../table/{t}/profile...} (prefix {@code /profiles}). */
  public abstract PathStyle profiles();

  /** Every family in the same style. */
  public static PathStyles all(PathStyle style) {
    return builder()
        .setCustomData(style)
        .setCustomTableStructure(style)
        .setProfileTableStructure(style)
        .setProfiles(style)
        .build();
  }

  /** Every family PREFIXED (the default: Actito as it is today). */
  public static PathStyles prefixed() {
    return all(PathStyle.PREFIXED);
  }

  /** Every family CLASSIC (the explicit option for environments from before June 2025). */
  public static PathStyles classic() {
    return all(PathStyle.CLASSIC);
  }

  /** A builder starting from every family PREFIXED (the default). */
  public static Builder builder() {
    return new AutoValue_PathStyles.Builder()
        .setCustomData(PathStyle.PREFIXED)
        .setCustomTableStructure(PathStyle.PREFIXED)
        .setProfileTableStructure(PathStyle.PREFIXED)
        .setProfiles(PathStyle.PREFIXED);
  }

  public abstract Builder toBuilder();

  /** Builder for {@link PathStyles}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setCustomData(PathStyle style);

    public abstract Builder setCustomTableStructure(PathStyle style);

    public abstract Builder setProfileTableStructure(PathStyle style);

    public abstract Builder setProfiles(PathStyle style);

    public abstract PathStyles build();
  }
}
