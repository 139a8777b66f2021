package dev.toolgate.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every API request body to {@code toolgate.limits.max-request-body-bytes} (docs/configuration.md), or to the
 * limit of its own that a path has (the OpenAPI import's {@code toolgate.openapi-import.max-document-bytes}), before
 * anything reads it. A declared {@code Content-Length} above the bound is answered at once with 413
 * {@code payload_too_large} and {@code Connection: close}, without reading a byte of the body. Any other body
 * (chunked, or within its declared length) is read through a counting stream that throws {@link TooLarge} on the
 * first byte past the bound; {@link ApiExceptionHandler} answers that with the same 413. Either way the request never
 * reaches a tool or the invocation log.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final Map<Pattern, Long> pathLimits;
    private final JsonMapper json;

    /**
     * @param maxBytes the most bytes one request body may have, >= 1
     * @param json the mapper that writes the problem body (Spring's, so it renders like every other problem)
     */
    public RequestBodyLimitFilter(long maxBytes, JsonMapper json) {
        this(maxBytes, Map.of(), json);
    }

    /**
     * @param maxBytes the most bytes one request body may have, >= 1, unless its path has a limit of its own
     * @param pathLimits limits of their own, by path template ({@code /v1/agents/{agentId}/tools/import}, each
     *     {@code {...}} standing for one path segment), each >= 1
     * @param json the mapper that writes the problem body (Spring's, so it renders like every other problem)
     */
    public RequestBodyLimitFilter(long maxBytes, Map<String, Long> pathLimits, JsonMapper json) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.defaultMaxBytes = maxBytes;
        Map<Pattern, Long> patterns = new LinkedHashMap<>();
        pathLimits.forEach((template, limit) -> {
            if (limit < 1) {
                throw new IllegalArgumentException("the limit of " + template + " must be >= 1, got " + limit);
            }
            patterns.put(
                    Pattern.compile(Arrays.stream(template.split("\\{[^/{}]+}", -1))
                            .map(Pattern::quote)
                            .collect(Collectors.joining("[^/]+"))),
                    limit);
        });
        this.pathLimits = patterns;
        this.json = json;
    }

    /** Returns the limit of {@code request}'s body: its path's own, or the default. */
    private long maxBytes(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Map.Entry<Pattern, Long> entry : pathLimits.entrySet()) {
            if (entry.getKey().matcher(path).matches()) {
                return entry.getValue();
            }
        }
        return defaultMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytes(request);
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiExceptionHandler.tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes), response);
    }

    /**
     * Thrown by a bounded request body on the first byte past the limit; an {@link IOException}, so whatever reads the
     * body fails as on a broken stream, and {@link ApiExceptionHandler} finds it among the causes.
     */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final long maxBytes;

        TooLarge(long maxBytes) {
            super("the request body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        /** Returns the limit that was passed, in bytes. */
        public long maxBytes() {
            return maxBytes;
        }

        /** Returns the first {@link TooLarge} among {@code error} and its causes, or null. */
        static TooLarge in(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    return tooLarge;
                }
            }
            return null;
        }
    }

    /** The request with its body read through {@link CountingInputStream}. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset;
                try {
                    charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                } catch (IllegalArgumentException e) {
                    throw new UnsupportedEncodingException("unsupported request charset");
                }
                reader = new BufferedReader(
                        new InputStreamReader(new CountingInputStream(super.getInputStream(), maxBytes), charset));
            }
            return reader;
        }
    }

    /** Counts the bytes read and throws {@link TooLarge} once they pass the limit. */
    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        CountingInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the limit: that byte is enough to know the body is too large.
            long room = maxBytes - count + 1;
            int n = in.read(buffer, offset, (int) Math.min(length, room));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
