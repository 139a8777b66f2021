package dev.toolgate.server.console;

import dev.toolgate.server.config.FeatureSettings;
import dev.toolgate.server.ratelimit.RateDecision;
import dev.toolgate.server.ratelimit.RateLimiter;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.OperatorOnly;
import dev.toolgate.server.tenant.PublicEndpoint;
import dev.toolgate.server.tenant.RequiresScope;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every handler of a {@link BrowserSession} controller by its session cookie and fails closed, as
 * {@code ApiKeyInterceptor} does for the API: a {@link PublicEndpoint} handler (the sign-in pages) is open, with its
 * attempts rate-limited per client address; any other needs a live session (else a redirect to sign-in; for htmx an
 * {@code HX-Redirect}), within the session's request rate ({@code toolgate.console.requests-per-minute}), whose key
 * carries the handler's {@link RequiresScope} scope (else 403; a handler without one refuses every session) and is
 * the operator's for {@link OperatorOnly}. A POST, PUT, PATCH or DELETE must carry the session's synchronizer token
 * in the {@code _csrf} field or the {@code X-CSRF-Token} header (else 403). The session is stored as the request
 * attribute {@link #SESSION}.
 */
final class ConsoleInterceptor implements HandlerInterceptor {

    /** Request attribute holding the {@link ConsoleSession}. */
    static final String SESSION = ConsoleInterceptor.class.getName() + ".session";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleSessions sessions;
    private final RateLimiter limiter;
    private final FeatureSettings.Console settings;

    ConsoleInterceptor(ConsoleSessions sessions, RateLimiter limiter, FeatureSettings.Console settings) {
        this.sessions = sessions;
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(BrowserSession.class)) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicEndpoint.class)) {
            if (!SAFE_METHODS.contains(request.getMethod())) {
                refuseIfLimited(limiter.acquireConsole(
                        "console_sign_in", request.getRemoteAddr(), settings.signInAttemptsPerMinute()));
            }
            return true;
        }
        Optional<ConsoleSession> found = sessions.resolve(cookie(request, ConsolePaths.SESSION_COOKIE));
        if (found.isEmpty()) {
            redirectToSignIn(request, response);
            return false;
        }
        ConsoleSession session = found.get();
        refuseIfLimited(limiter.acquireConsole("console", session.id(), settings.requestsPerMinute()));
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String sent = request.getHeader(ConsolePaths.CSRF_HEADER);
            if (sent == null) {
                sent = request.getParameter(ConsolePaths.CSRF_FIELD);
            }
            if (!sameToken(sent, session.csrfToken())) {
                throw new ConsoleRefusal(
                        HttpStatus.FORBIDDEN,
                        "This form has expired or did not come from this console. Reload the page and try again.");
            }
        }
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            throw new ConsoleRefusal(HttpStatus.FORBIDDEN, "This page is not open to any API key.");
        }
        if (!session.can(required.value())) {
            throw new ConsoleRefusal(
                    HttpStatus.FORBIDDEN,
                    "The API key you signed in with lacks the scope '"
                            + required.value().wireName() + "'.");
        }
        if (method.hasMethodAnnotation(OperatorOnly.class) && !session.isOperator()) {
            throw new ConsoleRefusal(
                    HttpStatus.FORBIDDEN,
                    "Only the operator (an admin key of the default tenant) may" + " manage tenants.");
        }
        request.setAttribute(SESSION, session);
        return true;
    }

    /** Returns the value of the request's cookie {@code name}, or null. */
    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Compares two tokens in constant time; false when either is missing. */
    static boolean sameToken(String sent, String expected) {
        if (sent == null || expected == null || sent.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuseIfLimited(RateDecision decision) {
        if (!decision.allowed()) {
            throw new ConsoleRefusal(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests: " + decision.perMinute() + " per minute. Try again in about "
                            + decision.retryAfterSeconds() + " s.",
                    decision.retryAfterSeconds());
        }
    }

    private static void redirectToSignIn(HttpServletRequest request, HttpServletResponse response) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", ConsolePaths.SIGN_IN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", ConsolePaths.SIGN_IN);
    }
}
