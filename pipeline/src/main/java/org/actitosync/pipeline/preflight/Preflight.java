package org.actitosync.pipeline.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actitosync.actito.ActitoClient;
import org.actitosync.actito.errors.ActitoAuthException;
import org.actitosync.actito.errors.ActitoException;
import org.actitosync.actito.structure.AttributeDefinition;
import org.actitosync.actito.structure.TableStructure;
import org.actitosync.pipeline.config.ActivationConfig;
import org.actitosync.pipeline.config.MappingEntry;
import org.actitosync.record.AttributeLayout;
import org.actitosync.record.AttributeType;
import org.actitosync.record.ProfileColumns;
import org.actitosync.snapshot.Manifest;

/**
 * What the launcher checks in Actito before any data moves: the custom table exists, its primary key
 * attribute is the one the key column feeds, every mapped attribute exists with a compatible type,
 * and missing attributes marked {@code create: true} are created (with the mapping's type, explicit
 * or inferred from the source), and the ETL {@code write.bulk.etlId} names exists and fits ({@link
 * EtlCheck}). It also compares the mapping with the committed snapshot's and says what the change
 * will do. With "insert missing profiles" on, it reads the profile table and checks what creating
 * a profile needs ({@link ProfileTableCheck}). All problems are collected and thrown together; attributes are
 * created only when there is no other problem. Creating an attribute that already exists is
 * skipped, so a retried preflight is harmless.
 */
public final class Preflight {
  private final ActitoClient client;
  private final boolean dryRun;
  private ProfileColumns profileColumns = ProfileColumns.none();

  public Preflight(ActitoClient client, boolean dryRun) {
    this.client = client;
    this.dryRun = dryRun;
  }

  /** Runs the checks; returns the notes to show (attributes created, mapping changes). */
  public List<String> run(ActivationConfig config, AttributeLayout layout, Optional<Manifest> base)
      throws PreflightException {
    String table = config.target().table();
    TableStructure structure;
    try {
      structure = client.structure().customTable(table)
          .orElseThrow(() -> new PreflightException(List.of(
              "target.table: custom table '" + table + "' does not exist in entity '"
                  + config.target().entity() + "'")));
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      throw new PreflightException(List.of("target: cannot read the structure of '" + table + "': " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>(EtlCheck.problems(client, config));
    List<String> notes = new ArrayList<>();
    List<AttributeDefinition> toCreate = new ArrayList<>();
    String keyAttribute = config.keyAttribute();
    String primaryKey = structure.primaryKeyAttribute().orElse(null);
    if (primaryKey != null && !primaryKey.equals(keyAttribute)) {
      problems.add("key: the key column '" + config.keyColumn() + "' feeds attribute '" + keyAttribute
          + "', but the primary key attribute of '" + table + "' is '" + primaryKey + "'");
    }
    for (int i = 0; i < config.mapping().size(); i++) {
      MappingEntry entry = config.mapping().get(i);
      AttributeType mapped = layout.type(entry.attribute());
      Optional<AttributeDefinition> existing = structure.attribute(entry.attribute());
      if (existing.isPresent()) {
        String actito = existing.get().valueType().orElse("STRING");
        TypeCompatibility.problem(mapped, actito).ifPresent(why ->
            problems.add("mapping[" + index(config, entry) + "].attribute: '" + entry.attribute() + "' (from column '"
                + entry.column() + "'): " + why));
      } else if (entry.create()) {
        toCreate.add(AttributeDefinition.builder(entry.attribute(), TypeCompatibility.actitoTypeFor(mapped)).build());
      } else {
        problems.add("mapping[" + index(config, entry) + "].attribute: '" + entry.attribute()
            + "' does not exist in custom table '" + table + "' and create is false");
      }
    }
    problems.addAll(profiles(config, layout));
    if (!problems.isEmpty()) {
      throw new PreflightException(problems);
    }
    for (AttributeDefinition attribute : toCreate) {
      if (dryRun) {
        notes.add("would create attribute '" + attribute.name() + "' (" + attribute.valueType().orElse("?") + ")");
        continue;
      }
      try {
        client.structure().addAttribute(structure.id(), attribute);
        notes.add("created attribute '" + attribute.name() + "' (" + attribute.valueType().orElse("?") + ")");
      } catch (ActitoAuthException e) {
        throw e;
      } catch (ActitoException e) {
        throw new PreflightException(List.of("mapping: Actito refused to create attribute '" + attribute.name()
            + "' of type " + attribute.valueType().orElse("?") + ": " + e.actitoMessage()));
      }
    }
    base.ifPresent(manifest -> notes.addAll(mappingChanges(manifest.attributeLayout(), layout)));
    return notes;
  }

  /**
   * The profile-only columns typed by the last {@link #run}: the config's type, else the profile
   * table attribute's (none without {@code profiles.insertMissing}).
   */
  public ProfileColumns profileColumns() {
    return profileColumns;
  }

  /** With "insert missing profiles" on: the profile table's checks ({@link ProfileTableCheck}). */
  private List<String> profiles(ActivationConfig config, AttributeLayout layout) {
    if (!config.profiles().insertMissing()) {
      return List.of();
    }
    String table = config.profiles().table().orElseThrow();
    Optional<TableStructure> structure;
    try {
      structure = client.structure().profileTable(table);
    } catch (ActitoAuthException e) {
      throw e;
    } catch (ActitoException e) {
      return List.of("profiles.table: cannot read the structure of profile table '" + table + "': " + e.getMessage());
    }
    if (structure.isEmpty()) {
      return List.of("profiles.table: profile table '" + table + "' does not exist in entity '"
          + config.target().entity() + "'");
    }
    ProfileTableCheck.Result result = ProfileTableCheck.check(config.profiles(), layout, structure.get());
    profileColumns = config.profiles().profileColumns(result.columnTypes());
    return result.problems();
  }

  private static int index(ActivationConfig config, MappingEntry entry) {
    return config.mapping().indexOf(entry);
  }

  /** What a mapping change does to the next run (pure). */
  public static List<String> mappingChanges(AttributeLayout before, AttributeLayout after) {
    List<String> notes = new ArrayList<>();
    if (before.fingerprint().equals(after.fingerprint())) {
      return notes;
    }
    for (String name : after.names()) {
      if (before.indexOf(name) < 0) {
        notes.add("mapping change: attribute '" + name + "' is new; it is sent for every row, alone");
      } else if (before.type(name) != after.type(name)) {
        notes.add("mapping change: attribute '" + name + "' changed type " + before.type(name) + " -> "
            + after.type(name) + "; it is sent again for every row");
      }
    }
    for (String name : before.names()) {
      if (after.indexOf(name) < 0) {
        notes.add("mapping change: attribute '" + name + "' was removed; Actito keeps its values, they stop being updated");
      }
    }
    return notes;
  }
}
