package org.actitosync.pipeline.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.actitosync.change.Classification;

/**
 * One line of a dry run's plan: {@code {"key","operation","semantics","changed":{attribute: new
 * value or null}}} (a delete has no changed attributes). Pure.
 */
public final class PlanLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanLines() {}

  public static String of(Classification change) {
    ObjectNode line = JSON.createObjectNode();
    line.put("key", change.key());
    line.put("operation", change.kind().name());
    line.put("semantics", change.semantics() == null ? null : change.semantics().name());
    ObjectNode changed = line.putObject("changed");
    for (String attribute : change.changedAttributes()) {
      changed.put(attribute, change.values().get(attribute));
    }
    return line.toString();
  }
}
