package io.illm.lab.cli.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server over streamable HTTP at {@code http://127.0.0.1:PORT/mcp}: the SDK's servlet transport
 * in an embedded Jetty bound to the loopback address only, answering only loopback Host and Origin
 * headers ({@link LoopbackOnly}).
 */
final class HttpServing implements AutoCloseable {

  static final String ENDPOINT = "/mcp";

  private final Server jetty;
  private final McpSyncServer server;
  private final URI uri;

  private HttpServing(Server jetty, McpSyncServer server, URI uri) {
    this.jetty = jetty;
    this.server = server;
    this.uri = uri;
  }

  /** Starts serving on {@code port} of 127.0.0.1 (0: any free port). */
  static HttpServing start(Lab lab, ToolRunner runner, Secrets secrets, int port) throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(LabServer.mapper())
            .mcpEndpoint(ENDPOINT)
            .securityValidator(new LoopbackOnly())
            .build();
    McpSyncServer server = LabServer.start(transport, lab, runner, secrets);
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    jetty.setHandler(context);
    jetty.start();
    URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + ENDPOINT);
    return new HttpServing(jetty, server, uri);
  }

  URI uri() {
    return uri;
  }

  void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() throws Exception {
    server.closeGracefully();
    jetty.stop();
  }
}
