package org.actitosync.runners.dataflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link SecretSource} over a map; records what was asked. */
final class FakeSecrets implements SecretSource {
  private final Map<String, String> values;
  final List<String> accessed = new ArrayList<>();

  FakeSecrets(Map<String, String> values) {
    this.values = values;
  }

  @Override
  public String access(SecretVersionName name) throws IOException {
    accessed.add(name.toString());
    String value = values.get(name.toString());
    if (value == null) {
      throw new IOException("PERMISSION_DENIED: " + name);
    }
    return value;
  }
}
