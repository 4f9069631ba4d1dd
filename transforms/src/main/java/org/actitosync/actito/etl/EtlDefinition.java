package org.actitosync.actito.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.value.AutoValue;
import java.util.List;
import java.util.Optional;

/**
 * What the client reads of an existing ETL ({@code GET …/etls/{id}}): its id and, when Actito
 * gives them, its target table's name and its mode. Everything else is ignored.
 */
@AutoValue
public abstract class EtlDefinition {
  public abstract String id();

  public abstract Optional<String> tableName();

  public abstract Optional<String> mode();

  public static EtlDefinition fromJson(String id, JsonNode node, EtlContract contract) {
    return new AutoValue_EtlDefinition(id,
        Optional.ofNullable(EtlContract.firstText(node, List.of(contract.etlTableNameField()))),
        Optional.ofNullable(EtlContract.firstText(node, List.of(contract.etlModeField()))));
  }
}
