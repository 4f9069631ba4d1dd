package org.actitosync.write;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actitosync.change.ChangeKind;
import org.actitosync.change.Classification;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The profile a change references and the attributes to create it with (pure). */
final class ProfileRefs {
  private ProfileRefs() {}

  /** Profile attribute → canonical value, or null when the change references no profile. */
  static @Nullable Map<String, String> of(Classification change, WriterConfig config) {
    ProfilesOption option = config.profiles();
    if (option == null || (change.kind() != ChangeKind.INSERT && change.kind() != ChangeKind.UPDATE)) {
      return null;
    }
    String link = linkValue(change, option, config);
    if (link == null) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : option.profileAttributes().entrySet()) {
      String recordAttribute = e.getValue();
      String value =
          recordAttribute.equals(config.keyAttribute()) ? change.key() : change.values().get(recordAttribute);
      if (value != null) {
        attributes.put(e.getKey(), value);
      }
    }
    for (String profileOnly : option.profileOnlyTypes().keySet()) {
      String value = change.profileValues().get(profileOnly);
      if (value != null) {
        attributes.put(profileOnly, value);
      }
    }
    return attributes;
  }

  /** The wire form of a profile's attributes, typed like the record attributes they come from. */
  static Map<String, Object> toWire(Map<String, String> canonical, WriterConfig config) {
    Map<String, Object> wire = new LinkedHashMap<>();
    Map<String, String> source = config.profiles().profileAttributes();
    Map<String, org.actitosync.record.AttributeType> profileOnly = config.profiles().profileOnlyTypes();
    canonical.forEach((attribute, value) -> {
      org.actitosync.record.AttributeType type = profileOnly.containsKey(attribute)
          ? profileOnly.get(attribute) : config.type(source.get(attribute));
      wire.put(attribute, WireValues.toWire(type, value, config.timeZone()));
    });
    return wire;
  }

  static @Nullable String linkValue(Classification change, ProfilesOption option, WriterConfig config) {
    String link = option.linkAttribute();
    return link.equals(config.keyAttribute()) ? change.key() : change.values().get(link);
  }
}
