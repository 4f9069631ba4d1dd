package org.actitosync.emulator.model;

/**
 * The body of {@code GET …/table/{t}/profile/{profileId or attribute=value}} (data file {@code
 * "profileGetShape"}, builder {@code profileGetShape(..)}).
 */
public enum ProfileGetShape {
  /**
   * The shape of Actito's own SDK tests (the default): {@code {"attributes":[{"name":"profileId",
   * "value":"7"},…],"subscriptions":[],"segmentations":[]}}, the id a string among the attributes,
   * no top-level {@code profileId}.
   */
  SDK,
  /** {@code {"profileId":7,"attributes":[…],"creationMoment":…,"updateMoment":…}}. */
  TOP_LEVEL
}
