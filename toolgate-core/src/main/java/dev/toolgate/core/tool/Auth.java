package dev.toolgate.core.tool;

import java.util.Objects;

/**
 * How an {@code http_request} tool authenticates to its endpoint: no auth, a bearer token, or a custom
 * header. Values are write-only: they never appear
 * in {@link #toString()}, API responses or logs.
 */
public sealed interface Auth permits Auth.None, Auth.Bearer, Auth.Header {

    /** The wire name of this auth type: {@code none}, {@code bearer} or {@code header}. */
    String type();

    /** No auth header is sent. */
    record None() implements Auth {
        @Override
        public String type() {
            return "none";
        }
    }

    /**
     * Sends {@code Authorization: Bearer <token>}.
     *
     * @param token the token, possibly templated ({@code {{secrets.NAME}}}); non-blank
     */
    record Bearer(String token) implements Auth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String type() {
            return "bearer";
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    /**
     * Sends {@code <headerName>: <value>}.
     *
     * @param headerName an RFC 9110 field name, e.g. {@code X-Api-Key}
     * @param value the value, possibly templated; non-null
     */
    record Header(String headerName, String value) implements Auth {
        public Header {
            Objects.requireNonNull(headerName, "headerName");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "header";
        }

        @Override
        public String toString() {
            return "Header[headerName=" + headerName + ", value=***]";
        }
    }
}
