package org.actitosync.emulator.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;

/** Registers one Actito route under each of its paths (classic and family-prefixed styles). */
public final class RouteTable {
  private final Javalin app;
  private final ActitoPipeline pipeline;

  public RouteTable(Javalin app, ActitoPipeline pipeline) {
    this.app = app;
    this.pipeline = pipeline;
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

  /** The classic path and the same path under {@code /prefix}. */
  public static String[] both(String prefix, String classic) {
    return new String[] {classic, prefix + classic};
  }
}
