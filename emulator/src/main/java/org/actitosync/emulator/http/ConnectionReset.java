package org.actitosync.emulator.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Closes the client connection without writing any response. Sets {@code SO_LINGER=0} on the socket
 * first so the peer sees a TCP RST ("connection reset") rather than a clean FIN, then aborts Jetty's
 * HTTP channel (which closes the endpoint and makes Jetty discard whatever the handler would write).
 */
final class ConnectionReset {
  private ConnectionReset() {
  }

  static void reset(Context ctx) {
    Request base = Request.getBaseRequest(ctx.req());
    if (base == null) {
      throw new IllegalStateException("not a Jetty request");
    }
    EndPoint endPoint = base.getHttpChannel().getEndPoint();
    if (endPoint instanceof SocketChannelEndPoint sc) {
      try {
        SocketChannel ch = sc.getChannel();
        ch.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException | RuntimeException ignored) {
        // a plain close still drops the connection without a response
      }
    }
    base.getHttpChannel().abort(new IOException("emulator fault injection: connection reset"));
  }
}
