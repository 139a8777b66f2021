package dev.toolgate.server.console;

import dev.toolgate.server.tenant.ApiKeyService;
import dev.toolgate.server.tenant.BrowserSession;
import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in and sign-out (docs/console.md). An API key typed into the sign-in form is checked by
 * {@link ApiKeyService#authenticate} and exchanged for a session ({@link ConsoleSessions}); the key itself is never
 * stored or sent back. A one-time sign-in link ({@code toolgate demo}) shows a button whose POST redeems it, so
 * neither a link preview nor a cross-site redirect can use it up. The sign-in form carries its own CSRF token,
 * matched against a short-lived cookie, so no other site can sign a browser in with the attacker's key.
 */
@Controller
@BrowserSession
@Hidden
class SignInController {

    /** How long the sign-in form's CSRF cookie lives. */
    static final Duration SIGN_IN_FORM_TTL = Duration.ofMinutes(30);

    private final ConsoleSessions sessions;
    private final ApiKeyService keys;

    SignInController(ConsoleSessions sessions, ApiKeyService keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    @GetMapping("/")
    @PublicEndpoint
    String root() {
        // the session cookie's path is /console, so only there can the session be seen
        return "redirect:" + ConsolePaths.BASE;
    }

    @GetMapping({ConsolePaths.BASE, ConsolePaths.BASE + "/"})
    @PublicEndpoint
    String console(HttpServletRequest request) {
        boolean signedIn = sessions.resolve(ConsoleInterceptor.cookie(request, ConsolePaths.SESSION_COOKIE))
                .isPresent();
        return "redirect:" + (signedIn ? ConsolePaths.HOME : ConsolePaths.SIGN_IN);
    }

    @GetMapping(ConsolePaths.SIGN_IN)
    @PublicEndpoint
    String signInForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("formToken", formToken(request, response));
        return "console/sign-in";
    }

    @PostMapping(ConsolePaths.SIGN_IN)
    @PublicEndpoint
    String signIn(
            @RequestParam(name = "api_key", defaultValue = "") String apiKey,
            @RequestParam(name = ConsolePaths.CSRF_FIELD, defaultValue = "") String formToken,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!ConsoleInterceptor.sameToken(formToken, ConsoleInterceptor.cookie(request, ConsolePaths.SIGN_IN_COOKIE))) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("formToken", formToken(request, response));
            model.addAttribute("error", "The sign-in form expired. Please enter the key again.");
            return "console/sign-in";
        }
        Optional<Principal> principal = apiKey.isBlank() ? Optional.empty() : keys.authenticate(apiKey.trim());
        if (principal.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("formToken", formToken(request, response));
            model.addAttribute("error", "Unknown or revoked API key.");
            return "console/sign-in";
        }
        startSession(principal.get().keyId(), request, response);
        return "redirect:" + ConsolePaths.HOME;
    }

    @GetMapping(ConsolePaths.SIGN_IN + "/link/{token}")
    @PublicEndpoint
    String linkForm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("formToken", formToken(request, response));
        model.addAttribute("linkToken", token);
        return "console/sign-in-link";
    }

    @PostMapping(ConsolePaths.SIGN_IN + "/link/{token}")
    @PublicEndpoint
    String redeemLink(
            @PathVariable String token,
            @RequestParam(name = ConsolePaths.CSRF_FIELD, defaultValue = "") String formToken,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!ConsoleInterceptor.sameToken(formToken, ConsoleInterceptor.cookie(request, ConsolePaths.SIGN_IN_COOKIE))) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("formToken", formToken(request, response));
            model.addAttribute("linkToken", token);
            model.addAttribute("error", "The page expired. Press the button again.");
            return "console/sign-in-link";
        }
        Optional<UUID> keyId = sessions.redeemSignInLink(token);
        if (keyId.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("formToken", formToken(request, response));
            model.addAttribute("error", "This sign-in link was already used or has expired. Sign in with an API key.");
            return "console/sign-in";
        }
        startSession(keyId.get(), request, response);
        return "redirect:" + ConsolePaths.HOME;
    }

    @PostMapping(ConsolePaths.BASE + "/sign-out")
    @PublicEndpoint
    String signOut(
            @RequestParam(name = ConsolePaths.CSRF_FIELD, defaultValue = "") String csrf,
            HttpServletRequest request,
            HttpServletResponse response) {
        String token = ConsoleInterceptor.cookie(request, ConsolePaths.SESSION_COOKIE);
        Optional<ConsoleSession> session = sessions.resolve(token);
        if (session.isPresent()
                && ConsoleInterceptor.sameToken(csrf, session.get().csrfToken())) {
            sessions.close(token);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(ConsolePaths.SESSION_COOKIE, "", Duration.ZERO, request));
        }
        return "redirect:" + ConsolePaths.SIGN_IN;
    }

    private void startSession(UUID keyId, HttpServletRequest request, HttpServletResponse response) {
        String previous = ConsoleInterceptor.cookie(request, ConsolePaths.SESSION_COOKIE);
        if (previous != null) {
            sessions.close(previous);
        }
        String token = sessions.open(keyId);
        // a session cookie (no Max-Age): the server's idle timeout ends the session, closing the browser ends the
        // cookie
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(ConsolePaths.SESSION_COOKIE, token, null, request));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(ConsolePaths.SIGN_IN_COOKIE, "", Duration.ZERO, request));
    }

    /** Returns the sign-in form's CSRF token: the one in the browser's cookie, or a new one set as that cookie. */
    private static String formToken(HttpServletRequest request, HttpServletResponse response) {
        String existing = ConsoleInterceptor.cookie(request, ConsolePaths.SIGN_IN_COOKIE);
        if (existing != null && !existing.isBlank()) {
            return existing;
        }
        String token = ConsoleSessions.newToken();
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(ConsolePaths.SIGN_IN_COOKIE, token, SIGN_IN_FORM_TTL, request));
        return token;
    }

    /**
     * A console cookie: HttpOnly, SameSite=Strict, path {@code /console}, Secure when the request came over TLS.
     *
     * @param maxAge null for a session cookie, zero to delete it
     */
    static String cookie(String name, String value, Duration maxAge, HttpServletRequest request) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .sameSite("Strict")
                .secure(request.isSecure())
                .path(ConsolePaths.BASE);
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        return cookie.build().toString();
    }
}
