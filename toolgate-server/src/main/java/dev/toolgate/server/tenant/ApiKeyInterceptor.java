package dev.toolgate.server.tenant;

import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every API request by its {@code X-API-Key} header (or, on an {@link AcceptsBearerToken} handler,
 * an {@code Authorization: Bearer} token holding the same key) and fails closed: a handler marked
 * {@link PublicEndpoint} is open to all; any other needs a known key (else 401 {@code unauthenticated}) carrying the
 * handler's {@link RequiresScope} scope (else 403 {@code missing_scope}) and, on an {@link OperatorOnly} handler, be the
 * operator's (else 403 {@code operator_only}); a handler that declares neither refuses every key with 403. All of
 * this happens before the request body is read. Handlers of a {@link BrowserSession} controller (the console) are
 * authenticated by their session instead. The {@link Principal} is stored as the request attribute {@link #PRINCIPAL}.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

    /** Request attribute holding the authenticated {@link Principal}. */
    static final String PRINCIPAL = ApiKeyInterceptor.class.getName() + ".principal";

    private final ApiKeyService keys;

    ApiKeyInterceptor(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (method.getBeanType().isAnnotationPresent(BrowserSession.class)) {
            // the console's session interceptor authenticates these, failing closed too
            return true;
        }
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null && method.hasMethodAnnotation(PublicEndpoint.class)) {
            return true;
        }
        String key = request.getHeader(ApiKeyService.API_KEY_HEADER);
        boolean bearer = method.hasMethodAnnotation(AcceptsBearerToken.class);
        if ((key == null || key.isBlank()) && bearer) {
            key = bearerToken(request.getHeader("Authorization"));
        }
        if (key == null || key.isBlank()) {
            throw new ApiException(
                    ApiErrorCode.UNAUTHENTICATED,
                    bearer ? "Missing X-API-Key header or Authorization: Bearer token" : "Missing X-API-Key header");
        }
        Principal principal = keys.authenticate(key.trim())
                .orElseThrow(() -> new ApiException(ApiErrorCode.UNAUTHENTICATED, "Unknown API key"));
        if (required == null) {
            throw new ApiException(ApiErrorCode.MISSING_SCOPE, "This endpoint is not open to any API key");
        }
        if (!principal.has(required.value())) {
            throw new ApiException(
                    ApiErrorCode.MISSING_SCOPE,
                    "This API key lacks the scope '" + required.value().wireName() + "'");
        }
        if (method.hasMethodAnnotation(OperatorOnly.class) && !principal.isOperator()) {
            throw new ApiException(
                    ApiErrorCode.OPERATOR_ONLY,
                    "Only the operator (an admin key of the default tenant) manages tenants");
        }
        request.setAttribute(PRINCIPAL, principal);
        return true;
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (RFC 6750 section 2.1; the scheme name is
     * case-insensitive, RFC 9110 section 11.1), or null when the header is absent or of another scheme.
     */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return null;
        }
        return value.substring(space + 1).trim();
    }
}
