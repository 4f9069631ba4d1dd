package org.actitosync.actito;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * The {@link PathStyle} of each Actito API family the client calls. Default: all CLASSIC. The v5
 * ETL routes ({@code /mass-imports/v5/...}) have no classic form and are always prefixed.
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

  /** Profile routes: {@code .../table/{t}/profile...} (prefix {@code /profile-data}). */
  public abstract PathStyle profileData();

  /** Every family in the same style. */
  public static PathStyles all(PathStyle style) {
    return builder()
        .setCustomData(style)
        .setCustomTableStructure(style)
        .setProfileTableStructure(style)
        .setProfileData(style)
        .build();
  }

  /** Every family CLASSIC (the default). */
  public static PathStyles classic() {
    return all(PathStyle.CLASSIC);
  }

  /** A builder starting from all CLASSIC. */
  public static Builder builder() {
    return new AutoValue_PathStyles.Builder()
        .setCustomData(PathStyle.CLASSIC)
        .setCustomTableStructure(PathStyle.CLASSIC)
        .setProfileTableStructure(PathStyle.CLASSIC)
        .setProfileData(PathStyle.CLASSIC);
  }

  public abstract Builder toBuilder();

  /** Builder for {@link PathStyles}. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setCustomData(PathStyle style);

    public abstract Builder setCustomTableStructure(PathStyle style);

    public abstract Builder setProfileTableStructure(PathStyle style);

    public abstract Builder setProfileData(PathStyle style);

    public abstract PathStyles build();
  }
}
