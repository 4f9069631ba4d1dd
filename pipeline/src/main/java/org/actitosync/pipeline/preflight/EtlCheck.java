package org.actitosync.pipeline.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.etl.EtlDefinition;
import org.actitosync.pipeline.config.ActivationConfig;

/**
 * Preflight of {@code write.bulk.etlId}: the ETL exists ({@code GET …/etls/{id}}), and, when
 * Actito's answer says so, it writes the target table in create-or-update mode (the only mode bulk
 * writes use). Fields Actito leaves out are not held against the ETL.
 */
final class EtlCheck {
  private EtlCheck() {}

  /** The problems found (empty when {@code etlId} is not set or the ETL fits). */
  static List<String> problems(ActitoClient client, ActivationConfig config) {
    Optional<String> etlId = config.write().bulk().etlId();
    List<String> problems = new ArrayList<>();
    if (etlId.isEmpty()) {
      return problems;
    }
    String id = etlId.get();
    String path = "write.bulk.etlId: ";
    Optional<EtlDefinition> etl;
    try {
      etl = client.etl().etl(id);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      problems.add(path + "cannot read ETL " + id + ": " + e.getMessage());
      return problems;
    }
    if (etl.isEmpty()) {
      problems.add(path + "ETL " + id + " does not exist in entity " + config.target().entity());
      return problems;
    }
    String table = config.target().table();
    etl.get().tableName().filter(name -> !name.equals(table)).ifPresent(name ->
        problems.add(path + "ETL " + id + " writes table '" + name + "', not the target table '"
            + table + "'"));
    String createOrUpdate = client.etl().contract().createOrUpdateMode();
    etl.get().mode().filter(mode -> !mode.equalsIgnoreCase(createOrUpdate)).ifPresent(mode ->
        problems.add(path + "ETL " + id + " has mode " + mode + "; bulk writes need "
            + createOrUpdate + " (create or update): define the ETL with that mode or remove"
            + " write.bulk.etlId to use one-shot executions"));
    return problems;
  }
}
