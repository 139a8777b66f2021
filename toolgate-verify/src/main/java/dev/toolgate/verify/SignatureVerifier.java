package dev.toolgate.verify;

import dev.toolgate.verify.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies that a request really comes from Toolgate and is fresh. One verifier per tool: it holds the
 * tool's {@link Scheme} and signing secrets (several during a rotation; a signature from any of them is
 * accepted), the tolerance and a clock. Immutable and thread-safe; {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.of(Scheme.TOOLGATE, List.of(System.getenv("TOOLGATE_SIGNING_SECRET")));
 * // in a com.sun.net.httpserver.HttpHandler:
 * String method = exchange.getRequestMethod();
 * URI uri = exchange.getRequestURI();
 * String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
 * byte[] body = exchange.getRequestBody().readAllBytes();
 * HeaderSource headers = exchange.getRequestHeaders()::getFirst;
 * try {
 *     VerifiedRequest verified = SignatureVerifier.signsTarget(method)
 *             ? verifier.verify(method, target, headers)
 *             : verifier.verify(body, headers);
 * } catch (SignatureVerificationException e) {
 *     // answer 401 and log e.reason() and e.getMessage()
 * }
 * }</pre>
 *
 * <p>The checks, in order (docs/signing.md has the full rules): the scheme's headers are present
 * ({@link Reason#MISSING_HEADER}) and well-formed ({@link Reason#MALFORMED_HEADER}); a {@code v1} signature
 * is present ({@link Reason#NO_SUPPORTED_SIGNATURE}) and equals, in constant time, the HMAC-SHA256 computed
 * with one of the secrets ({@link Reason#NO_MATCHING_SIGNATURE}); the signed timestamp is at most the
 * tolerance before ({@link Reason#TIMESTAMP_TOO_OLD}) or after ({@link Reason#TIMESTAMP_IN_FUTURE}) the
 * clock's now. The tolerance defaults to {@link #DEFAULT_TOLERANCE}, the value Stripe's and the Standard
 * Webhooks libraries use.
 */
public final class SignatureVerifier {

    /** The default largest distance between the signed timestamp and now: 300 seconds, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    /** The Toolgate scheme's signature header. */
    public static final String TOOLGATE_SIGNATURE_HEADER = "X-Toolgate-Signature";
    /** The Standard Webhooks message-id header. */
    public static final String WEBHOOK_ID_HEADER = "webhook-id";
    /** The Standard Webhooks timestamp header (unix seconds). */
    public static final String WEBHOOK_TIMESTAMP_HEADER = "webhook-timestamp";
    /** The Standard Webhooks signature header. */
    public static final String WEBHOOK_SIGNATURE_HEADER = "webhook-signature";

    private final Scheme scheme;
    private final List<byte[]> keys;
    private final Duration tolerance;
    private final InstantSource clock;

    private SignatureVerifier(Scheme scheme, List<byte[]> keys, Duration tolerance, InstantSource clock) {
        this.scheme = scheme;
        this.keys = keys;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Creates a verifier with the default tolerance and the system clock.
     *
     * @param scheme the tool's signature scheme
     * @param secrets the tool's signing secrets as Toolgate shows them ({@code tgsec_...} or {@code whsec_...}),
     *     in any order; at least one
     * @throws IllegalArgumentException if {@code secrets} is empty, a secret is blank, or a Standard Webhooks
     *     secret is not base64 after its optional {@code whsec_} prefix; the message never contains a secret
     */
    public static SignatureVerifier of(Scheme scheme, List<String> secrets) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret is required");
        }
        List<byte[]> keys = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(SigningKeys.key(scheme, secrets.get(i), i));
        }
        return new SignatureVerifier(scheme, List.copyOf(keys), DEFAULT_TOLERANCE, InstantSource.system());
    }

    /**
     * Returns a copy that accepts timestamps at most {@code tolerance} before or after now.
     *
     * @param tolerance zero or positive; whole seconds count (a fraction is dropped)
     * @throws IllegalArgumentException if {@code tolerance} is negative
     */
    public SignatureVerifier withTolerance(Duration tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        return new SignatureVerifier(scheme, keys, tolerance, clock);
    }

    /**
     * Returns a copy that reads now from {@code clock} (tests inject a fixed one).
     *
     * @param clock the source of now
     */
    public SignatureVerifier withClock(InstantSource clock) {
        return new SignatureVerifier(scheme, keys, tolerance, Objects.requireNonNull(clock, "clock"));
    }

    /** Returns the scheme this verifier checks. */
    public Scheme scheme() {
        return scheme;
    }

    /** Returns the tolerance. */
    public Duration tolerance() {
        return tolerance;
    }

    /**
     * Tells whether Toolgate signs {@code <METHOD> <target>} rather than a body for a request with this
     * method: true for {@code GET}, {@code HEAD} and {@code DELETE}, which Toolgate sends without a body.
     *
     * @param method the request method, e.g. {@code GET}
     */
    public static boolean signsTarget(String method) {
        String upper = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        return upper.equals("GET") || upper.equals("HEAD") || upper.equals("DELETE");
    }

    /**
     * Verifies a request with a body (POST, PUT, PATCH): the signed payload is the raw body bytes, exactly as
     * received and before any parsing.
     *
     * @param rawBody the body bytes (may be empty)
     * @param headers the request's headers
     * @return what was verified
     * @throws SignatureVerificationException if the request must be refused; see the class comment
     */
    public VerifiedRequest verify(byte[] rawBody, HeaderSource headers) throws SignatureVerificationException {
        Objects.requireNonNull(rawBody, "rawBody");
        return check(rawBody, headers);
    }

    /**
     * Verifies a request without a body (GET, DELETE): the signed payload is the UTF-8 bytes of
     * {@code <method> <target>}.
     *
     * @param method the method as received, e.g. {@code GET}
     * @param target the request target exactly as on the request line, path and query, still percent-encoded,
     *     e.g. {@code /v1/orders?order_id=A-1001&note=caf%C3%A9} (RFC 9112 §3.2, origin-form)
     * @param headers the request's headers
     * @return what was verified
     * @throws SignatureVerificationException if the request must be refused; see the class comment
     */
    public VerifiedRequest verify(String method, String target, HeaderSource headers)
            throws SignatureVerificationException {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        return check((method + " " + target).getBytes(StandardCharsets.UTF_8), headers);
    }

    private VerifiedRequest check(byte[] payload, HeaderSource headers) throws SignatureVerificationException {
        Objects.requireNonNull(headers, "headers");
        return switch (scheme) {
            case TOOLGATE -> checkToolgate(payload, headers);
            case STANDARD_WEBHOOKS -> checkStandardWebhooks(payload, headers);
        };
    }

    private VerifiedRequest checkToolgate(byte[] payload, HeaderSource headers) throws SignatureVerificationException {
        SignatureHeaders.Signed signed = SignatureHeaders.toolgate(headers);
        byte[] content = SigningKeys.concat((signed.timestamp() + ".").getBytes(StandardCharsets.UTF_8), payload);
        return finish(matchingSecret(content, signed.signatures(), HexFormat.of()::formatHex), signed.timestamp());
    }

    private VerifiedRequest checkStandardWebhooks(byte[] payload, HeaderSource headers)
            throws SignatureVerificationException {
        SignatureHeaders.Signed signed = SignatureHeaders.standardWebhooks(headers);
        byte[] prefix = (signed.id() + "." + signed.timestamp() + ".").getBytes(StandardCharsets.UTF_8);
        return finish(
                matchingSecret(
                        SigningKeys.concat(prefix, payload), signed.signatures(), Base64.getEncoder()::encodeToString),
                signed.timestamp());
    }

    /**
     * Returns the index of the first secret whose HMAC-SHA256 of {@code content}, written by {@code encoding},
     * equals one of {@code signatures}, or -1.
     */
    private int matchingSecret(byte[] content, List<String> signatures, Function<byte[], String> encoding) {
        for (int i = 0; i < keys.size(); i++) {
            if (SigningKeys.anyEquals(encoding.apply(SigningKeys.hmacSha256(keys.get(i), content)), signatures)) {
                return i;
            }
        }
        return -1;
    }

    /** Checks the signature match, then the timestamp against the tolerance. */
    private VerifiedRequest finish(int match, long timestamp) throws SignatureVerificationException {
        if (match < 0) {
            throw new SignatureVerificationException(
                    Reason.NO_MATCHING_SIGNATURE,
                    "no signature matches a signing secret: wrong secret, or the request was altered"
                            + " (verify the raw body bytes, before any parsing)");
        }
        long now = clock.instant().getEpochSecond();
        long limit = tolerance.toSeconds();
        if (now - timestamp > limit) {
            throw new SignatureVerificationException(
                    Reason.TIMESTAMP_TOO_OLD,
                    "the signed timestamp is " + (now - timestamp) + " s old; at most " + limit + " s is accepted");
        }
        if (timestamp - now > limit) {
            throw new SignatureVerificationException(
                    Reason.TIMESTAMP_IN_FUTURE,
                    "the signed timestamp is " + (timestamp - now) + " s in the future; at most " + limit
                            + " s is accepted (check the server's clock)");
        }
        return new VerifiedRequest(scheme, Instant.ofEpochSecond(timestamp), match);
    }

    /** Returns the scheme, the number of secrets and the tolerance; never a secret. */
    @Override
    public String toString() {
        return "SignatureVerifier[" + scheme.wireName() + ", " + keys.size() + " secret(s), tolerance "
                + tolerance.toSeconds() + " s]";
    }
}
