package org.actitosync.emulator.http;

import io.javalin.http.Context;

/** The business part of one Actito route. */
@FunctionalInterface
public interface ActitoHandler {
  void handle(Context ctx, Call call) throws Exception;
}
