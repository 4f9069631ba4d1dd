package org.actitosync.actito.errors;

import org.actitosync.actito.Operation;

/**
 * Actito refused the API key (401 at the token route, 401 again after re-minting a token) or the
 * key lacks the right for the route (403). Retrying does not help: the run should stop. The
 * message names the operation, entity and route, never the key or a token.
 */
public class ActitoAuthException extends ActitoException {
  private static final long serialVersionUID = 1L;

  public ActitoAuthException(
      Operation operation, String target, int status, String actitoMessage, int attempts, String note) {
    super(operation, target, ErrorClass.AUTH, status, actitoMessage, attempts, false, note, null);
  }
}
