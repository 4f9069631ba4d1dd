package org.actitosync.emulator.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.actitosync.emulator.RouteSet;

/**
 * Registers one Actito route under each of its paths. Paths given directly to {@link #add} are
 * always served; {@link #both}, {@link #styled} and {@link #retired} select the spellings the
 * {@link RouteSet} serves (possibly none, then the route answers 404 like any unknown path).
 */
public final class RouteTable {
  private final Javalin app;
  private final ActitoPipeline pipeline;
  private final RouteSet set;

  public RouteTable(Javalin app, ActitoPipeline pipeline, RouteSet set) {
    this.app = app;
    this.pipeline = pipeline;
    this.set = set;
  }

  /** An authenticated JSON route. */
  public void add(HandlerType method, String route, ActitoHandler handler, String... paths) {
    add(method, route, true, true, handler, paths);
  }

  public void add(HandlerType method, String route, boolean authenticated, boolean json, ActitoHandler handler,
      String... paths) {
    var wrapped = pipeline.wrap(route, authenticated, json, handler);
    for (String path : paths) {
      app.addHttpHandler(method, path, wrapped);
    }
  }

  /** The classic path and the same path under {@code prefix}, as far as the route set serves each. */
  public String[] both(String prefix, String classic) {
    return styled(new String[] {classic}, prefix + classic);
  }

  /** The classic paths (BOTH, LEGACY) and the prefixed ones (PREFIXED, BOTH) the route set serves. */
  public String[] styled(String[] classic, String... prefixed) {
    List<String> out = new ArrayList<>();
    if (set.servesClassic()) {
      out.addAll(List.of(classic));
    }
    if (set.servesPrefixed()) {
      out.addAll(List.of(prefixed));
    }
    return out.toArray(String[]::new);
  }

  /**
   * A route Actito retired in June 2025 (the v4 imports): both spellings, served only in BOTH and
   * LEGACY.
   */
  public String[] retired(String prefix, String classic) {
    return set.servesClassic() ? new String[] {classic, prefix + classic} : new String[0];
  }
}
