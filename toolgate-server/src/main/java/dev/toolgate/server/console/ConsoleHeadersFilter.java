package dev.toolgate.server.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every console response (docs/console.md): a Content-Security-Policy that admits scripts,
 * styles, images and requests from Toolgate itself only (no inline script, no {@code eval}, no CDN, no framing), no
 * MIME sniffing, no referrer (a sign-in link's token never leaks through it), and no caching of pages (assets may be
 * cached).
 */
final class ConsoleHeadersFilter extends OncePerRequestFilter {

    /** The console's Content-Security-Policy (W3C CSP Level 3). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; object-src 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.equals("/") && !path.equals(ConsolePaths.BASE) && !path.startsWith(ConsolePaths.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        String path = request.getRequestURI();
        if (path.startsWith(ConsolePaths.ASSETS) || path.startsWith(ConsolePaths.WEBJARS)) {
            response.setHeader("Cache-Control", "public, max-age=3600");
        } else {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
