package dev.toolgate.core.tool;

import dev.toolgate.core.egress.DenyReason;
import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.http.ReservedHeaders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The save-time rules for the parts of an {@code http_request} tool that end up on the wire: its URL, header
 * names and header values. Each check returns a problem sentence, or null when the input is fine.
 *
 * <p>These checks are a courtesy to the tenant, not the security boundary: the egress policy judges the
 * resolved addresses at call time. They reject what can never work or could be read two ways (plain http,
 * user info, an ambiguous authority, control characters) and headers Toolgate must own itself (hop-by-hop,
 * framing, signing, idempotency).
 */
final class HttpFieldRules {

    /** The longest URL accepted, in characters. */
    static final int MAX_URL_LENGTH = 2048;

    /** The placeholder that stands for a stored secret in API responses. */
    static final String MASK = "***";

    /** An RFC 9110 §5.6.2 {@code token}, the grammar of a field name (§5.1). */
    private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

    /** {@code Bearer <token>}: group 1 is the token without surrounding white space. */
    private static final Pattern BEARER =
            Pattern.compile("^Bearer[ \\t]+(\\S(?:.*\\S)?)[ \\t]*$", Pattern.CASE_INSENSITIVE);

    private HttpFieldRules() {}

    /**
     * Returns what is wrong with a tool URL, or null. It must be at most {@value #MAX_URL_LENGTH} characters,
     * hold templates only as whole path segments ({@link UrlTemplate}), and, with each such segment replaced by
     * its marker ({@link UrlTemplate#skeleton}), pass {@link EgressPolicy#checkSyntax}: an absolute {@code https://} URL without
     * control characters or surrounding white space, user info, or an authority that URL parsers read
     * differently (percent-encoding, non-ASCII or full-width dots, a backslash, a non-canonical IP literal,
     * an empty host, ...). Nothing is trimmed or decoded to make a URL pass. A fragment is allowed (it is
     * never sent: the renderer drops it), and an {@code @} in it does not count as user info.
     */
    static String urlProblem(String raw) {
        if (raw.isBlank()) {
            return "must not be blank";
        }
        if (raw.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        String templateProblem = UrlTemplate.problem(raw);
        if (templateProblem != null) {
            return templateProblem;
        }
        String skeleton = UrlTemplate.skeleton(raw);
        EgressDecision syntax = EgressPolicy.checkSyntax(skeleton);
        if (syntax.allowed()) {
            return HttpUrl.parse(skeleton) == null ? "is not a valid URL" : null;
        }
        if (syntax.denyReason() == DenyReason.NOT_HTTPS) {
            return raw.regionMatches(true, 0, "http://", 0, 7)
                    ? "must use https:// (plain http is not allowed)"
                    : "must be an absolute https:// URL, e.g. https://api.example.com/lookup";
        }
        if (syntax.denyReason() == DenyReason.USERINFO) {
            return "must not contain user info (user:password@): use auth instead";
        }
        return "is not allowed: " + syntax.reason();
    }

    /**
     * Returns the canonical form of a URL that passed {@link #urlProblem}, as OkHttp will send it, path templates
     * kept as {@code {{args.NAME}}} ({@link UrlTemplate#canonical}).
     */
    static String canonicalUrl(String raw) {
        return UrlTemplate.canonical(raw);
    }

    /**
     * Returns what is wrong with a header name a tenant may set, or null: it must be an RFC 9110 token
     * (§5.6.2) and not {@linkplain ReservedHeaders reserved}.
     */
    static String headerNameProblem(String name) {
        if (!TOKEN.matcher(name).matches()) {
            return "must be an HTTP header name (RFC 9110 token: letters, digits and !#$%&'*+.^_`|~-)";
        }
        Optional<String> reserved = ReservedHeaders.reason(name);
        return reserved.map(reason -> "must not be " + name + ": Toolgate sets this header itself (" + reason + ")")
                .orElse(null);
    }

    /**
     * Returns the problems of a header value (before rendering): template errors from
     * {@link TemplateSyntax#problems}, and characters OkHttp refuses in a field value (anything but visible
     * ASCII, space and tab; RFC 9110 §5.5).
     */
    static List<String> headerValueProblems(String value) {
        List<String> problems = TemplateSyntax.problems(value);
        try {
            new Headers.Builder().add("X-Check", value);
        } catch (IllegalArgumentException e) {
            // OkHttp's message would echo the value, which may be a secret: use our own.
            return concat(
                    problems, "must contain only visible ASCII characters, spaces and tabs (RFC 9110 field value)");
        }
        return problems;
    }

    /**
     * Returns the problems of a secret (an auth token or value): it must not be blank, must not be the mask
     * {@code "***"} (which only a PATCH may send back, to keep the stored value), and must pass
     * {@link #headerValueProblems}.
     */
    static List<String> secretProblems(String value) {
        if (value.isBlank()) {
            return List.of("must not be blank");
        }
        if (value.equals(MASK)) {
            return List.of("is the masked placeholder \"***\": send the real value (only a PATCH may send \"***\","
                    + " to keep the stored value)");
        }
        return headerValueProblems(value);
    }

    /**
     * Maps the value of an {@code Authorization} header to an auth: {@code Bearer <token>} (scheme
     * case-insensitive, RFC 9110 §11.1) becomes {@link Auth.Bearer}, anything else {@link Auth.Header}
     * under the given header name.
     */
    static Auth authorizationToAuth(String headerName, String value) {
        Matcher bearer = BEARER.matcher(value);
        return bearer.matches() ? new Auth.Bearer(bearer.group(1)) : new Auth.Header(headerName, value);
    }

    /**
     * Returns the problems of an {@code Authorization} header value: {@link #secretProblems} of the bearer
     * token, or of the whole value when it is not {@code Bearer <token>}.
     */
    static List<String> authorizationProblems(String value) {
        Matcher bearer = BEARER.matcher(value);
        return secretProblems(bearer.matches() ? bearer.group(1) : value);
    }

    private static List<String> concat(List<String> problems, String problem) {
        return Stream.concat(problems.stream(), Stream.of(problem)).toList();
    }
}
