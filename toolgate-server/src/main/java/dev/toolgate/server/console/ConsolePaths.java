package dev.toolgate.server.console;

/** The console's paths and cookie names: each defined here once. */
final class ConsolePaths {

    /** Every console page lives under this path. */
    static final String BASE = "/console";

    /** The sign-in page. */
    static final String SIGN_IN = BASE + "/sign-in";

    /** The page after sign-in. */
    static final String HOME = BASE + "/agents";

    /** The console's own CSS and JavaScript ({@code src/main/resources/console/static}). */
    static final String ASSETS = BASE + "/assets/";

    /** The WebJars (htmx, uPlot, CodeMirror), version-free paths resolved by webjars-locator-lite. */
    static final String WEBJARS = BASE + "/webjars/";

    /** The session cookie: the session token, HttpOnly, SameSite=Strict, Secure over TLS. */
    static final String SESSION_COOKIE = "tg_console";

    /** The pre-session cookie of the sign-in form's own CSRF token (against login CSRF). */
    static final String SIGN_IN_COOKIE = "tg_console_sign_in";

    /** The form field that carries the synchronizer token. */
    static final String CSRF_FIELD = "_csrf";

    /** The header htmx sends the synchronizer token in ({@code hx-headers} on the page body). */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private ConsolePaths() {}
}
