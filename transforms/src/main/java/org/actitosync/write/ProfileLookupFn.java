package org.actitosync.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.values.KV;

/**
 * The dry run's side of {@link ProfileWriterFn}: looks each referenced profile up (read-only) and
 * outputs, for a missing one, the plan line of the profile the run would create: {@code
 * {"profileTable","profileAttribute","value","attributes":{…wire values…}}}. Keyed by shard and
 * stateful like the writer, so lookups keep the same concurrency cap and rate budget.
 */
final class ProfileLookupFn extends ActitoCallingFn<KV<Integer, KV<String, Map<String, String>>>, String> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @StateId("profilesLookedUp")
  private final StateSpec<ValueState<Long>> lookedUp = StateSpecs.value(VarLongCoder.of());

  ProfileLookupFn(WriterConfig config) {
    super(config);
  }

  @ProcessElement
  public void process(
      @Element KV<Integer, KV<String, Map<String, String>>> element,
      @StateId("profilesLookedUp") ValueState<Long> seen,
      OutputReceiver<String> out) {
    budget.shardSeen(element.getKey());
    ProfilesOption option = config.profiles();
    String value = element.getValue().getKey();
    boolean exists = client.profiles()
        .findByUniqueAttribute(option.profileTable(), option.profileAttribute(), value).isPresent();
    Long before = seen.read();
    seen.write(before == null ? 1 : before + 1);
    if (!exists) {
      ObjectNode line = JSON.createObjectNode();
      line.put("profileTable", option.profileTable());
      line.put("profileAttribute", option.profileAttribute());
      line.put("value", value);
      line.set("attributes", JSON.valueToTree(new java.util.TreeMap<>(ProfileRefs.toWire(element.getValue().getValue(), config))));
      out.output(line.toString());
    }
  }
}
