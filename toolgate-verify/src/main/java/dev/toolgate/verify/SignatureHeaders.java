package dev.toolgate.verify;

import static dev.toolgate.verify.SignatureVerifier.TOOLGATE_SIGNATURE_HEADER;
import static dev.toolgate.verify.SignatureVerifier.WEBHOOK_ID_HEADER;
import static dev.toolgate.verify.SignatureVerifier.WEBHOOK_SIGNATURE_HEADER;
import static dev.toolgate.verify.SignatureVerifier.WEBHOOK_TIMESTAMP_HEADER;

import dev.toolgate.verify.SignatureVerificationException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the signature headers of both schemes into a {@link Signed}: the message id (Standard Webhooks only), the
 * signed timestamp and every {@code v1} signature. Every malformed header is a {@link SignatureVerificationException}
 * whose message names the header and never holds a secret.
 */
final class SignatureHeaders {
    /** The only signature version either scheme defines. */
    private static final String SIGNATURE_VERSION = "v1";
    /** Unix seconds: 1 to 12 decimal digits (12 reach the year 33658, and stay exact in every kit's number type). */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private SignatureHeaders() {}

    /**
     * What a request's signature headers say.
     *
     * @param id the Standard Webhooks {@code webhook-id}, or null for the Toolgate scheme
     * @param timestamp the signed time, unix seconds
     * @param signatures the {@code v1} signatures as sent (hex or base64), at least one
     */
    record Signed(String id, long timestamp, List<String> signatures) {}

    /**
     * Reads {@code X-Toolgate-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}; entries of other versions are
     * ignored.
     *
     * @throws SignatureVerificationException when the header is missing, malformed, has no or two {@code t=}, or
     *     carries no {@code v1=} signature
     */
    static Signed toolgate(HeaderSource headers) throws SignatureVerificationException {
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
        return new Signed(null, timestamp, List.copyOf(signatures));
    }

    /**
     * Reads the Standard Webhooks headers {@code webhook-id}, {@code webhook-timestamp} and
     * {@code webhook-signature: v1,<base64> [v1,<base64> ...]} (space-separated; other versions ignored).
     *
     * @throws SignatureVerificationException when a header is missing or malformed, or no {@code v1} signature is
     *     present
     */
    static Signed standardWebhooks(HeaderSource headers) throws SignatureVerificationException {
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
        return new Signed(id, timestamp, List.copyOf(signatures));
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
}
