package dev.toolgate.core.exec;

import dev.toolgate.core.egress.EgressDeniedException;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/**
 * Maps what went wrong during one call to exactly one {@link ToolError}.
 *
 * <p>Messages are short sentences safe for the model, the tenant and the log: they name at most the endpoint's
 * host and port. They never carry the URL (its query may hold a secret), header values, exception messages
 * (OkHttp's name the URL) or stack traces. The one exception is an egress denial, whose message the egress
 * policy writes for exactly this purpose.
 */
final class FailureMapper {

    /** How deep the cause/suppressed graph is searched; OkHttp nests a few levels at most. */
    private static final int MAX_THROWABLES = 32;

    private FailureMapper() {}

    /**
     * Returns the error for a call that threw.
     *
     * <p>Precedence, first match wins (the same failure often shows up as several exceptions, e.g. a deadline
     * closes the socket mid-handshake, which surfaces as an {@code SSLException} caused by a timeout):
     * <ol>
     *   <li>an {@link EgressDeniedException} anywhere among the causes and suppressed → BLOCKED_DESTINATION;</li>
     *   <li>the deadline passed, or an {@link InterruptedIOException} (OkHttp's "timeout",
     *       {@link java.net.SocketTimeoutException}) anywhere → TIMEOUT;</li>
     *   <li>an {@link UnknownHostException} → DNS_ERROR;</li>
     *   <li>an {@link SSLException} before a connection was ready → TLS_ERROR;</li>
     *   <li>a {@link SocketException} before a connection was ready ({@link ConnectException},
     *       {@link NoRouteToHostException}, ...) → CONNECT_ERROR;</li>
     *   <li>any other {@link IOException} (reset, early end of stream, malformed answer, corrupt gzip) →
     *       CONNECT_ERROR, as the connection failed; a reset is a connect error (docs/errors.md);</li>
     *   <li>anything else (a bug) → INTERNAL with the generic message.</li>
     * </ol>
     *
     * @param failure what was thrown
     * @param url the request URL; only its host and port are used
     * @param budget the call's budget, quoted in a timeout message
     * @param deadlinePassed whether the budget had run out when the failure was seen
     * @param connectionAcquired whether a connection was ready before the failure
     */
    static ToolError map(
            Throwable failure, HttpUrl url, Duration budget, boolean deadlinePassed, boolean connectionAcquired) {
        List<Throwable> all = flatten(failure);
        EgressDeniedException denied = find(all, EgressDeniedException.class);
        if (denied != null) {
            return ToolError.of(ErrorCode.HTTP_TOOL_BLOCKED_DESTINATION, denied.getMessage());
        }
        if (deadlinePassed || find(all, InterruptedIOException.class) != null) {
            return timeout(budget);
        }
        if (find(all, UnknownHostException.class) != null) {
            return ToolError.of(
                    ErrorCode.HTTP_TOOL_DNS_ERROR,
                    "The endpoint's host name " + url.host() + " could not be resolved.");
        }
        if (!connectionAcquired && find(all, SSLException.class) != null) {
            return ToolError.of(
                    ErrorCode.HTTP_TOOL_TLS_ERROR,
                    "A secure connection to " + url.host() + " could not be established: " + tlsProblem(all) + ".");
        }
        if (!connectionAcquired && find(all, SocketException.class) != null) {
            return ToolError.of(
                    ErrorCode.HTTP_TOOL_CONNECT_ERROR, "The endpoint at " + hostPort(url) + " could not be reached.");
        }
        if (find(all, IOException.class) != null) {
            return ToolError.of(
                    ErrorCode.HTTP_TOOL_CONNECT_ERROR,
                    connectionAcquired
                            ? "The connection to " + hostPort(url) + " failed before the answer was complete."
                            : "The endpoint at " + hostPort(url) + " could not be reached.");
        }
        return ToolError.of(ErrorCode.HTTP_TOOL_INTERNAL);
    }

    /** Returns the timeout error quoting {@code budget} in seconds with one decimal ("No answer within 10.0 s."). */
    static ToolError timeout(Duration budget) {
        return ToolError.of(
                ErrorCode.HTTP_TOOL_TIMEOUT,
                String.format(Locale.ROOT, "No answer within %.1f s.", budget.toMillis() / 1000.0));
    }

    /** Returns {@code host:port}, IPv6 literals in brackets. */
    static String hostPort(HttpUrl url) {
        String host = url.host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + url.port();
    }

    private static String tlsProblem(List<Throwable> all) {
        if (find(all, SSLPeerUnverifiedException.class) != null) {
            return "its certificate does not match the host name";
        }
        if (find(all, CertificateException.class) != null
                || find(all, java.security.cert.CertPathValidatorException.class) != null
                || find(all, java.security.cert.CertPathBuilderException.class) != null) {
            return "its certificate is not trusted";
        }
        if (find(all, GeneralSecurityException.class) != null) {
            return "its certificate could not be verified";
        }
        return "the TLS handshake failed";
    }

    private static <T extends Throwable> T find(List<Throwable> all, Class<T> type) {
        for (Throwable t : all) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Returns {@code root}, its causes and suppressed exceptions, breadth first, each once. */
    private static List<Throwable> flatten(Throwable root) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        List<Throwable> queue = new ArrayList<>(List.of(root));
        while (!queue.isEmpty() && out.size() < MAX_THROWABLES) {
            Throwable t = queue.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            queue.add(t.getCause());
            queue.addAll(List.of(t.getSuppressed()));
        }
        return out;
    }
}
