package org.actitosync.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.actitosync.pipeline.source.RowMapping;
import org.actitosync.record.AttributeType;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** The config and the row mapping travel inside DoFns: Java serialization must round-trip them. */
class SerializationTest {
  @Test
  void configAndRowMappingRoundTrip() throws Exception {
    ActivationConfig config = ConfigParser.parseYaml(Configs.text("orders.yaml"));
    assertEquals(config, SerializableUtils.ensureSerializable(config));
    RowMapping mapping =
        RowMapping.of(config, config.attributeLayout(Map.of("paid", AttributeType.BOOLEAN)));
    assertEquals(mapping.columns(), SerializableUtils.ensureSerializable(mapping).columns());
  }
}
