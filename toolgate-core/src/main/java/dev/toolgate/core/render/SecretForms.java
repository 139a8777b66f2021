package dev.toolgate.core.render;

import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The encoded forms a secret value can take in a text an endpoint sends back, for {@link SecretValues} to mask:
 * URL encoding (RFC 3986 and the form encoding's {@code +}), JSON string escapes (RFC 8259 §7), HTML character
 * references, and the decoded credentials of an HTTP Basic value (RFC 7617 §2).
 */
final class SecretForms {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();
    private static final JsonMapper JSON_ASCII = JsonMapper.builder()
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private static final Pattern PERCENT_HEX = Pattern.compile("%[0-9A-F]{2}");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u[0-9A-F]{4}");
    private static final HttpUrl QUERY_BASE = HttpUrl.get("https://q.invalid/");

    private SecretForms() {}

    /**
     * Adds every form of {@code value} (and of it stripped of surrounding whitespace) that a text may carry: as is,
     * URL-encoded ({@code +} and {@code %20}, either case of hex), JSON-escaped (slashes escaped or not, non-ASCII as
     * {@code \}{@code uXXXX} escapes in either case), HTML-escaped, and a Basic credential's decoded forms.
     */
    static void addForms(Set<String> forms, String value) {
        for (String base : List.of(value, value.strip())) {
            if (base.isEmpty()) {
                continue;
            }
            forms.add(base);
            String form = URLEncoder.encode(base, StandardCharsets.UTF_8);
            addPercentForms(forms, form);
            addPercentForms(forms, form.replace("+", "%20"));
            addPercentForms(
                    forms,
                    QUERY_BASE
                            .newBuilder()
                            .addQueryParameter("q", base)
                            .build()
                            .encodedQuery()
                            .substring(2));
            String json = jsonString(JSON, base);
            forms.add(json);
            forms.add(json.replace("/", "\\/"));
            String ascii = jsonString(JSON_ASCII, base);
            for (String escapes : List.of(ascii, lowerCaseHex(UNICODE_ESCAPE, ascii))) {
                forms.add(escapes);
                forms.add(escapes.replace("/", "\\/"));
            }
            forms.add(htmlEscaped(base));
            addBasicCredentials(forms, base);
        }
    }

    private static void addPercentForms(Set<String> forms, String encoded) {
        forms.add(encoded);
        forms.add(lowerCaseHex(PERCENT_HEX, encoded));
    }

    /** Returns {@code text} with each match of {@code escape} (an escape with hex digits) in lower case. */
    private static String lowerCaseHex(Pattern escape, String text) {
        Matcher hex = escape.matcher(text);
        return hex.replaceAll(m -> Matcher.quoteReplacement(m.group().toLowerCase(Locale.ROOT)));
    }

    /** The content of the JSON string literal for {@code value}, without the quotes. */
    private static String jsonString(JsonMapper mapper, String value) {
        String literal = mapper.writeValueAsString(value);
        return literal.substring(1, literal.length() - 1);
    }

    private static String htmlEscaped(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** For {@code Basic <base64 of user:pass>} (RFC 7617 §2): adds {@code user:pass} and the password. */
    private static void addBasicCredentials(Set<String> forms, String value) {
        forms.addAll(basicCredentials(value));
    }

    /**
     * For a {@code Basic <base64>} value (RFC 7617): the decoded {@code user:pass} and, when not empty, the password;
     * for any other value nothing.
     */
    static List<String> basicCredentials(String value) {
        if (value.length() <= 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return List.of();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(value.substring(6).strip());
            String credentials = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(decoded))
                    .toString();
            int colon = credentials.indexOf(':');
            if (colon < 0) {
                return List.of();
            }
            return colon + 1 < credentials.length()
                    ? List.of(credentials, credentials.substring(colon + 1))
                    : List.of(credentials);
        } catch (IllegalArgumentException | CharacterCodingException notBasic) {
            // not base64 of UTF-8 text: the value itself is masked, there is nothing more to derive
            return List.of();
        }
    }
}
