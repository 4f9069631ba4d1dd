package org.actitosync.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Puts problems in the order their paths appear in the config file (a missing key at its parent's
 * place); problems at the same place keep the order they were found in. Repeats are dropped.
 */
final class FileOrder {
  private FileOrder() {}

  static List<ConfigProblem> sort(List<ConfigProblem> problems, JsonNode tree) {
    Map<String, Integer> order = new HashMap<>();
    number(tree, "", order);
    List<ConfigProblem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
    sorted.sort((a, b) -> Integer.compare(rank(a.path(), order), rank(b.path(), order)));
    return sorted;
  }

  /** Numbers every node of {@code node} in file order (pre-order), by path. */
  private static void number(JsonNode node, String path, Map<String, Integer> order) {
    order.put(path, order.size());
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> number(e.getValue(), SchemaProblems.join(path, e.getKey()), order));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        number(node.get(i), path + "[" + i + "]", order);
      }
    }
  }

  /** The file position of {@code path}, or of its nearest ancestor in the file. */
  private static int rank(String path, Map<String, Integer> order) {
    String at = path;
    while (!order.containsKey(at)) {
      int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      at = cut < 0 ? "" : at.substring(0, cut);
    }
    return order.get(at);
  }
}
