package org.actitosync.emulator.http;

import io.javalin.Javalin;
import org.actitosync.emulator.EmulatorCore;
import org.actitosync.emulator.RouteSet;
import org.actitosync.emulator.admin.AdminRoutes;
import org.actitosync.emulator.admin.EmulatorAdmin;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The Javalin (Jetty) server. Jetty's URI compliance is set to LEGACY so that encoded slashes
 * ({@code %2F}) and other ambiguous encodings in record keys reach the handlers; keys are then
 * decoded from the raw request URI by {@link PathKeys}.
 */
public final class EmulatorServer implements AutoCloseable {
  private final Javalin app;

  private EmulatorServer(Javalin app) {
    this.app = app;
  }

  /**
   * Builds and starts the server on {@code host:port} (port 0 = a free port), serving the Actito
   * routes of {@code routeSet}.
   */
  public static EmulatorServer start(EmulatorCore core, EmulatorAdmin admin, String host, int port,
      RouteSet routeSet) {
    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.http.prefer405over404 = true;
      cfg.http.maxRequestSize = Math.max(16L * 1024 * 1024, core.limits().maxImportBytes() * 2 + 1024 * 1024);
      cfg.router.ignoreTrailingSlashes = true;
      cfg.jetty.modifyHttpConfiguration(hc -> {
        hc.setUriCompliance(UriCompliance.LEGACY);
        hc.setSendServerVersion(false);
      });
    });
    RouteTable routes = new RouteTable(app, new ActitoPipeline(core), routeSet);
    AuthRoutes.register(routes, core);
    StructureRoutes.register(routes, core);
    RecordRoutes.register(routes, core);
    ProfileRoutes.register(routes, core);
    ImportRoutes.register(routes, core);
    EtlRoutes.register(routes, core);
    AdminRoutes.register(app, core, admin);
    app.start(host, port);
    return new EmulatorServer(app);
  }

  /** The bound port. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
