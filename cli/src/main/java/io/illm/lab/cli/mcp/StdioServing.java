package io.illm.lab.cli.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The server over stdio: JSON-RPC messages one per line on {@code in} and {@code out}, until {@code
 * in} ends (the client closed it, or went away).
 */
final class StdioServing {

  private StdioServing() {}

  /** Serves until {@code in} ends, then closes the server. */
  static void serve(Lab lab, ToolRunner runner, Secrets secrets, InputStream in, OutputStream out)
      throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    InputStream watched = new EndSignal(in, ended);
    McpSyncServer server =
        LabServer.start(
            new StdioServerTransportProvider(LabServer.mapper(), watched, out),
            lab,
            runner,
            secrets);
    try {
      ended.await();
    } finally {
      server.closeGracefully();
    }
  }

  /** Counts {@code ended} down when the stream ends or fails. */
  private static final class EndSignal extends FilterInputStream {

    private final CountDownLatch ended;

    EndSignal(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return seen(guard(() -> super.read()));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return seen(guard(() -> super.read(b, off, len)));
    }

    private int seen(int result) {
      if (result < 0) {
        ended.countDown();
      }
      return result;
    }

    private interface Read {
      int read() throws IOException;
    }

    private int guard(Read read) throws IOException {
      try {
        return read.read();
      } catch (IOException e) {
        ended.countDown();
        throw e;
      }
    }
  }
}
