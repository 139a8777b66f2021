package dev.toolgate.core.tool;

/** The HTTP methods an {@code http_request} tool may use (docs/request-response.md). */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE;

    /**
     * Returns whether arguments travel in a JSON body ({@code POST}, {@code PUT}, {@code PATCH}) rather
     * than the query string ({@code GET}, {@code DELETE}) in {@link BodyMode#ARGUMENTS} mode.
     */
    public boolean sendsArgumentsAsBody() {
        return this == POST || this == PUT || this == PATCH;
    }
}
