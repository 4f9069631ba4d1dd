package org.actitosync.emulator.http;

import org.actitosync.emulator.model.ApiKeyDef;

/**
 * An authenticated Actito call that passed the limits and faults.
 *
 * @param key the API key behind the bearer token (null on /auth/token)
 * @param entity the entity of the path, already checked to exist and be allowed (null when the path has none)
 */
public record Call(ApiKeyDef key, String entity) {
}
