package dev.toolgate.verify;

import dev.toolgate.verify.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static final String SIGNATURE_VERSION = "v1";
    private static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";
    private static final String HMAC_SHA256 = "HmacSHA256";
    /** Unix seconds: 1 to 12 decimal digits (12 reach the year 33658, and stay exact in every kit's number type). */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

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
            keys.add(key(scheme, secrets.get(i), i));
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
        String header = required(headers, TOOLGATE_SIGNATURE_HEADER);
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",", -1)) {
            String entry = trimSpaces(item);
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new SignatureVerificationException(
                        Reason.MALFORMED_HEADER,
                        TOOLGATE_SIGNATURE_HEADER + " has an entry without '=': expected t=<unix seconds>,v1=<hex>");
            }
            String key = entry.substring(0, equals);
            String value = entry.substring(equals + 1);
            if (key.equals("t")) {
                if (timestamp != null) {
                    throw new SignatureVerificationException(
                            Reason.MALFORMED_HEADER, TOOLGATE_SIGNATURE_HEADER + " has more than one t= entry");
                }
                timestamp = parseTimestamp(value, TOOLGATE_SIGNATURE_HEADER + " t=");
            } else if (key.equals(SIGNATURE_VERSION)) {
                signatures.add(value);
            }
        }
        if (timestamp == null) {
            throw new SignatureVerificationException(
                    Reason.MALFORMED_HEADER, TOOLGATE_SIGNATURE_HEADER + " has no t= entry");
        }
        if (signatures.isEmpty()) {
            throw new SignatureVerificationException(
                    Reason.NO_SUPPORTED_SIGNATURE, TOOLGATE_SIGNATURE_HEADER + " has no v1= signature");
        }
        byte[] content = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), payload);
        return finish(matchingSecret(content, signatures, HexFormat.of()::formatHex), timestamp);
    }

    private VerifiedRequest checkStandardWebhooks(byte[] payload, HeaderSource headers)
            throws SignatureVerificationException {
        String id = required(headers, WEBHOOK_ID_HEADER);
        String timestampText = required(headers, WEBHOOK_TIMESTAMP_HEADER);
        String header = required(headers, WEBHOOK_SIGNATURE_HEADER);
        long timestamp = parseTimestamp(trimSpaces(timestampText), WEBHOOK_TIMESTAMP_HEADER);
        List<String> signatures = new ArrayList<>();
        for (String entry : header.split(" ")) {
            if (entry.isEmpty()) {
                continue;
            }
            int comma = entry.indexOf(',');
            if (comma < 0) {
                throw new SignatureVerificationException(
                        Reason.MALFORMED_HEADER,
                        WEBHOOK_SIGNATURE_HEADER + " has an entry without ',': expected v1,<base64>");
            }
            if (entry.substring(0, comma).equals(SIGNATURE_VERSION)) {
                signatures.add(entry.substring(comma + 1));
            }
        }
        if (signatures.isEmpty()) {
            throw new SignatureVerificationException(
                    Reason.NO_SUPPORTED_SIGNATURE, WEBHOOK_SIGNATURE_HEADER + " has no v1 signature");
        }
        byte[] content = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), payload);
        return finish(matchingSecret(content, signatures, Base64.getEncoder()::encodeToString), timestamp);
    }

    /**
     * Returns the index of the first secret whose HMAC-SHA256 of {@code content}, written by {@code encoding},
     * equals one of {@code signatures}, or -1.
     */
    private int matchingSecret(byte[] content, List<String> signatures, Function<byte[], String> encoding) {
        for (int i = 0; i < keys.size(); i++) {
            if (anyEquals(encoding.apply(hmacSha256(keys.get(i), content)), signatures)) {
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

    private static String required(HeaderSource headers, String name) throws SignatureVerificationException {
        String value = headers.first(name);
        if (value == null || trimSpaces(value).isEmpty()) {
            throw new SignatureVerificationException(Reason.MISSING_HEADER, "the request has no " + name + " header");
        }
        return value;
    }

    private static long parseTimestamp(String text, String what) throws SignatureVerificationException {
        if (text.isEmpty()
                || text.length() > MAX_TIMESTAMP_DIGITS
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SignatureVerificationException(
                    Reason.MALFORMED_HEADER,
                    what + " is not a unix timestamp in seconds (1 to " + MAX_TIMESTAMP_DIGITS + " digits)");
        }
        return Long.parseLong(text);
    }

    /** Compares {@code expected} with each candidate in constant time (per candidate of equal length). */
    private static boolean anyEquals(String expected, List<String> candidates) {
        byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : candidates) {
            found |= MessageDigest.isEqual(wanted, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    /** Strips spaces and horizontal tabs (HTTP's optional whitespace, RFC 9110 §5.6.3) at both ends. */
    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static byte[] key(Scheme scheme, String secret, int index) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("signing secret #" + index + " is blank");
        }
        if (scheme == Scheme.TOOLGATE) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        String encoded = secret.startsWith(STANDARD_WEBHOOKS_PREFIX)
                ? secret.substring(STANDARD_WEBHOOKS_PREFIX.length())
                : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing secret #" + index + " is not whsec_<base64>");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException(
                    "signing secret #" + index + " is empty after " + STANDARD_WEBHOOKS_PREFIX);
        }
        return key;
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required on every Java platform", e);
        }
    }

    private static byte[] concat(byte[] prefix, byte[] payload) {
        byte[] out = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(payload, 0, out, prefix.length, payload.length);
        return out;
    }

    /** Returns the scheme, the number of secrets and the tolerance; never a secret. */
    @Override
    public String toString() {
        return "SignatureVerifier[" + scheme.wireName() + ", " + keys.size() + " secret(s), tolerance "
                + tolerance.toSeconds() + " s]";
    }
}
