package dev.toolgate.server.config;

import org.apache.coyote.Request;
import org.apache.coyote.http2.Http2Protocol;

/**
 * HTTP/2 over cleartext on the API port for a client that starts with the HTTP/2 connection preface ("prior
 * knowledge", RFC 9113 section 3.3): a voice runtime can send every tool call as a stream of one connection. The
 * HTTP/1.1 {@code Upgrade: h2c} handshake (RFC 7540 section 3.2, removed from RFC 9113) is declined: Tomcat would buffer
 * an upgraded request's body in memory and answer one over its save limit with its own HTML page, while a request that
 * stays on HTTP/1.1 gets the API's bounds and problems. Such a client simply goes on with HTTP/1.1.
 */
final class PriorKnowledgeHttp2 extends Http2Protocol {

    /** Never upgrades an HTTP/1.1 request; the connection preface still starts HTTP/2. */
    @Override
    public boolean accept(Request request) {
        return false;
    }
}
