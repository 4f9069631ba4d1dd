package org.actitosync.emulator.model;

/** An Actito entity (served by the entities API as {@code {id, name, comment}}). */
public record EntityDef(long id, String name, String comment) {
}
