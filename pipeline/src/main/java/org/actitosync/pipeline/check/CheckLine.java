package org.actitosync.pipeline.check;

/**
 * One line of the connection check: the route called, what it answered, and the verdict with what to
 * do. Never holds a secret (routes carry the entity, table and a probe key; the token route has no key).
 *
 * @param route {@code GET /auth/token}, {@code GET /custom-data/v4/entity/…}
 * @param status the HTTP status, 0 when no answer came back
 * @param verdict whether the answer is what the run will need
 * @param advice what the answer means and what to do
 */
public record CheckLine(String route, int status, Verdict verdict, String advice) {

  /** OK: as expected; AUTH: Actito refused the key (exit 3); FAIL: anything else to fix (exit 2). */
  public enum Verdict { OK, FAIL, AUTH }

  public boolean ok() {
    return verdict == Verdict.OK;
  }

  /** {@code check: GET /auth/token -> 200 OK: Actito accepted the key}. */
  public String render() {
    String answer = status == 0 ? "no answer" : Integer.toString(status);
    return "check: " + route + " -> " + answer + " " + verdict.name() + ": " + advice;
  }
}
