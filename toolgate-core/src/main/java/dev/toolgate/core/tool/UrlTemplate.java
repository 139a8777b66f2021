package dev.toolgate.core.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The templates a tool URL may hold (docs/request-response.md, "Path parameters"): an {@code {{args.NAME}}}
 * placeholder that fills one WHOLE path segment, e.g. {@code https://api.example.com/users/{{args.user_id}}/orders}.
 *
 * <p>Rules, checked when a tool is saved ({@link #problem}):
 * <ul>
 *   <li>Only {@code args.NAME} placeholders, and only in the path: the scheme, host, port, query and fragment
 *       never come from a template, so an argument can never change where a request goes.</li>
 *   <li>A placeholder is the whole segment between two {@code /} (or the path's end): {@code /v1/{{args.id}}} is
 *       fine, {@code /v1/item-{{args.id}}} and {@code /v1/{{args.a}}{{args.b}}} are not.</li>
 *   <li>A templated URL has no {@code .} or {@code ..} segments (they would be resolved around the placeholder),
 *       and no percent-encoded braces ({@code %7B%7B}, which the stored form uses for placeholders).</li>
 * </ul>
 * At call time the renderer fills each such segment with the argument's text, percent-encoded as ONE segment
 * ({@code /} becomes {@code %2F}, {@code %} becomes {@code %25}), and refuses an empty value, {@code .} and
 * {@code ..} (RFC 3986 §3.3 dot segments) with {@code HTTP_TOOL_INVALID_ARGS}.
 *
 * <p>Stateless and thread-safe.
 */
public final class UrlTemplate {

    /** A path segment that is exactly one {@code {{args.NAME}}} placeholder; group 1 is the argument name. */
    private static final Pattern SEGMENT = Pattern.compile("\\{\\{\\s*args\\.([A-Za-z0-9_-]{1,64})\\s*}}");

    /** The encoded form a placeholder segment has while the rest of the URL is canonicalized. */
    private static final String MARKER_PREFIX = "%7B%7Bargs.";

    private static final String MARKER_SUFFIX = "%7D%7D";

    private UrlTemplate() {}

    /** Returns whether {@code url} holds any template braces at all. */
    public static boolean isTemplated(String url) {
        return url.contains("{{") || url.contains("}}");
    }

    /**
     * Returns what is wrong with the templates of {@code url}, or null when it has none or they follow the rules
     * of the class comment. The rest of the URL is not judged here.
     */
    public static String problem(String url) {
        if (!isTemplated(url)) {
            return null;
        }
        int pathStart = pathStart(url);
        int pathEnd = pathEnd(url, pathStart);
        if (pathStart < 0 || isTemplated(url.substring(0, pathStart)) || isTemplated(url.substring(pathEnd))) {
            return "may hold templates only as whole path segments ({{args.NAME}}): the scheme, host, port, query"
                    + " and fragment never come from a template";
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("%7b%7b") || lower.contains("%7d%7d")) {
            return "must not hold percent-encoded braces (%7B%7B, %7D%7D) next to templates";
        }
        for (String segment : url.substring(pathStart + 1, pathEnd).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "must not have . or .. segments when it holds templates";
            }
            if (isTemplated(segment) && !SEGMENT.matcher(segment).matches()) {
                return "a template must fill a whole path segment and be {{args.NAME}}, e.g."
                        + " https://api.example.com/users/{{args.user_id}}; found \"" + segment + "\"";
            }
        }
        return null;
    }

    /**
     * Returns {@code url} with every placeholder segment replaced by its encoded marker
     * ({@code %7B%7Bargs.NAME%7D%7D}): a plain URL that the URL and egress syntax checks can judge, whose
     * scheme, host and port are the ones every rendered request uses. A URL without templates is returned as is.
     * Expects a URL that passed {@link #problem}.
     */
    public static String skeleton(String url) {
        if (!isTemplated(url)) {
            return url;
        }
        int pathStart = pathStart(url);
        int pathEnd = pathEnd(url, pathStart);
        String[] segments = url.substring(pathStart + 1, pathEnd).split("/", -1);
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            Matcher matcher = SEGMENT.matcher(segment);
            path.append('/').append(matcher.matches() ? MARKER_PREFIX + matcher.group(1) + MARKER_SUFFIX : segment);
        }
        return url.substring(0, pathStart) + path + url.substring(pathEnd);
    }

    /**
     * Returns the canonical form of a URL that passed {@link #problem} and whose {@link #skeleton} is a valid URL:
     * the skeleton as OkHttp will send it, with each placeholder written back as {@code {{args.NAME}}}.
     *
     * @throws IllegalArgumentException if the skeleton is not a valid URL
     */
    public static String canonical(String url) {
        String canonical = HttpUrl.get(skeleton(url)).toString();
        return canonical.replaceAll(
                Pattern.quote(MARKER_PREFIX) + "([A-Za-z0-9_-]{1,64})" + Pattern.quote(MARKER_SUFFIX), "{{args.$1}}");
    }

    /** Returns the names of the arguments that fill path segments of {@code url}, in order, without repeats. */
    public static Set<String> argumentNames(String url) {
        Set<String> names = new LinkedHashSet<>();
        if (!isTemplated(url)) {
            return names;
        }
        Matcher matcher = SEGMENT.matcher(url);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Returns, for each encoded path segment of {@code skeletonUrl} (the {@link HttpUrl#encodedPathSegments()}
     * of a {@link #skeleton}), the argument name it stands for, or null for a literal segment.
     */
    public static List<String> segmentArguments(HttpUrl skeletonUrl) {
        List<String> result = new ArrayList<>();
        for (String segment : skeletonUrl.encodedPathSegments()) {
            boolean marker = segment.startsWith(MARKER_PREFIX)
                    && segment.endsWith(MARKER_SUFFIX)
                    && segment.length() > MARKER_PREFIX.length() + MARKER_SUFFIX.length();
            result.add(
                    marker
                            ? segment.substring(MARKER_PREFIX.length(), segment.length() - MARKER_SUFFIX.length())
                            : null);
        }
        return result;
    }

    /** The index of the {@code /} that starts the path, or -1 when the URL has no {@code scheme://} or no path. */
    private static int pathStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return -1;
        }
        for (int i = scheme + 3; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/') {
                return i;
            }
            if (c == '?' || c == '#') {
                return -1;
            }
        }
        return -1;
    }

    /** The index where the path ends: the first {@code ?} or {@code #} after it, or the URL's length. */
    private static int pathEnd(String url, int pathStart) {
        if (pathStart < 0) {
            return url.length();
        }
        for (int i = pathStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }
}
