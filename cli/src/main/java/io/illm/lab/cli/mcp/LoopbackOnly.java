package io.illm.lab.cli.mcp;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP transport answers only requests addressed to a loopback name and, when a browser sends
 * an {@code Origin}, only pages served from loopback: a web page elsewhere cannot drive the lab
 * through the user's browser (DNS rebinding). The listening socket is bound to 127.0.0.1 as well.
 */
final class LoopbackOnly implements ServerTransportSecurityValidator {

  static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  @Override
  public void validateHeaders(Map<String, List<String>> headers)
      throws ServerTransportSecurityException {
    String host = header(headers, "host");
    if (host == null || !HOSTS.contains(hostPart(host))) {
      throw new ServerTransportSecurityException(403, "Host " + host + " is not a loopback name");
    }
    String origin = header(headers, "origin");
    if (origin != null && !loopbackOrigin(origin)) {
      throw new ServerTransportSecurityException(403, "Origin " + origin + " is not on loopback");
    }
  }

  private static boolean loopbackOrigin(String origin) {
    try {
      String host = URI.create(origin).getHost();
      return host != null && (HOSTS.contains(host) || HOSTS.contains("[" + host + "]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code host[:port]} without the port; IPv6 literals keep their brackets. */
  static String hostPart(String host) {
    String lower = host.toLowerCase(Locale.ROOT).trim();
    if (lower.startsWith("[")) {
      int end = lower.indexOf(']');
      return end < 0 ? lower : lower.substring(0, end + 1);
    }
    int colon = lower.indexOf(':');
    return colon < 0 ? lower : lower.substring(0, colon);
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
