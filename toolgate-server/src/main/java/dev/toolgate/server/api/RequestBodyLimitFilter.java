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
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every API request body to {@code toolgate.limits.max-request-body-bytes} (docs/configuration.md) before
 * anything reads it. A declared {@code Content-Length} above the bound is answered at once with 413
 * {@code payload_too_large} and, over HTTP/1.1, {@code Connection: close}, without reading a byte of the body. Any other body
 * (chunked, or within its declared length) is read through a counting stream that throws {@link TooLarge} on the
 * first byte past the bound; {@link ApiExceptionHandler} answers that with the same 413. Either way the request never
 * reaches a tool or the invocation log.
 *
 * <p>A feature whose bodies are larger by nature (a knowledge-base document upload) registers a {@link PathLimit}
 * bean; requests matching its method and path get its bound instead, with its setting named in the problem.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The setting that bounds every body no {@link PathLimit} covers. */
    public static final String DEFAULT_SETTING = "toolgate.limits.max-request-body-bytes";

    private final long maxBytes;
    private final JsonMapper json;

    /**
     * Another bound for the requests of one method and path pattern.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param pathPattern a Spring {@link PathPattern}, e.g. {@code /v1/agents/{agentId}/knowledge/documents}
     * @param maxBytes the most bytes one such body may have, >= 1
     * @param setting the setting that sets {@code maxBytes}, named in the 413 problem
     */
    public record PathLimit(String method, String pathPattern, long maxBytes, String setting) {
        /** Checks the fields. */
        public PathLimit {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathPattern, "pathPattern");
            Objects.requireNonNull(setting, "setting");
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
            }
        }
    }

    private record CompiledLimit(PathLimit limit, PathPattern pattern) {}

    private final List<CompiledLimit> compiled;

    /**
     * @param maxBytes the most bytes one request body may have, >= 1
     * @param json the mapper that writes the problem body (Spring's, so it renders like every other problem)
     */
    public RequestBodyLimitFilter(long maxBytes, JsonMapper json) {
        this(maxBytes, json, List.of());
    }

    /**
     * @param maxBytes the most bytes one request body may have, >= 1, unless a path limit applies
     * @param json the mapper that writes the problem body (Spring's, so it renders like every other problem)
     * @param pathLimits other bounds for some paths; the first that matches applies
     */
    public RequestBodyLimitFilter(long maxBytes, JsonMapper json, List<PathLimit> pathLimits) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.json = json;
        this.compiled = pathLimits.stream()
                .map(limit -> new CompiledLimit(limit, PathPatternParser.defaultInstance.parse(limit.pathPattern())))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long bound = maxBytes;
        String setting = DEFAULT_SETTING;
        for (CompiledLimit limit : compiled) {
            if (limit.limit().method().equalsIgnoreCase(request.getMethod())
                    && limit.pattern().matches(PathContainer.parsePath(request.getRequestURI()))) {
                bound = limit.limit().maxBytes();
                setting = limit.limit().setting();
                break;
            }
        }
        if (request.getContentLengthLong() > bound) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            if (request.getProtocol().startsWith("HTTP/1")) {
                // the unread body would be taken for the next request; HTTP/2 resets the stream instead, and
                // forbids the header (RFC 9113 section 8.2.2)
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiExceptionHandler.tooLarge(bound, setting));
            return;
        }
        chain.doFilter(new Bounded(request, bound, setting), response);
    }

    /**
     * Thrown by a bounded request body on the first byte past the limit; an {@link IOException}, so whatever reads the
     * body fails as on a broken stream, and {@link ApiExceptionHandler} finds it among the causes.
     */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final long maxBytes;
        private final String setting;

        TooLarge(long maxBytes, String setting) {
            super("the request body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
            this.setting = setting;
        }

        /** Returns the limit that was passed, in bytes. */
        public long maxBytes() {
            return maxBytes;
        }

        /** Returns the setting that sets the limit, e.g. {@value RequestBodyLimitFilter#DEFAULT_SETTING}. */
        public String setting() {
            return setting;
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
        private final String setting;
        private ServletInputStream stream;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, long maxBytes, String setting) {
            super(request);
            this.maxBytes = maxBytes;
            this.setting = setting;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), maxBytes, setting);
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
                reader = new BufferedReader(new InputStreamReader(
                        new CountingInputStream(super.getInputStream(), maxBytes, setting), charset));
            }
            return reader;
        }
    }

    /** Counts the bytes read and throws {@link TooLarge} once they pass the limit. */
    private static final class CountingInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final String setting;
        private long count;

        CountingInputStream(ServletInputStream in, long maxBytes, String setting) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.setting = setting;
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
                throw new TooLarge(maxBytes, setting);
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
