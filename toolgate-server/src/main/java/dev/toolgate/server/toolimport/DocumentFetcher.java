package dev.toolgate.server.toolimport;

import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.exec.ExecutionResult;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.tool.HttpMethod;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Fetches an OpenAPI document from an {@code https://} URL exactly as a tool call reaches its endpoint: through an
 * {@link HttpExecutor} under the deployment's {@link EgressPolicy} (https only, no private or special-purpose
 * address unless allowlisted, judged on the addresses really connected to, no redirects), within a time budget and a
 * size cap. Nothing is signed and no tenant secret is sent.
 */
final class DocumentFetcher implements AutoCloseable {

    /** The media types asked for. */
    static final String ACCEPT = "application/json, application/yaml, application/vnd.oai.openapi+json;q=0.9,"
            + " text/yaml;q=0.9, */*;q=0.5";

    private final HttpExecutor executor;
    private final EgressPolicy egress;
    private final Duration budget;
    private final int maxBytes;

    /**
     * @param executor an executor whose response cap is at least {@code maxBytes} and whose policy is {@code egress}
     * @param egress the deployment's egress policy
     * @param budget the total budget of one fetch
     * @param maxBytes the largest document, in decoded bytes
     */
    DocumentFetcher(HttpExecutor executor, EgressPolicy egress, Duration budget, int maxBytes) {
        this.executor = executor;
        this.egress = egress;
        this.budget = budget;
        this.maxBytes = maxBytes;
    }

    /** Closes the executor's client. */
    @Override
    public void close() {
        executor.close();
    }

    /**
     * Returns the document's text.
     *
     * @throws ApiException 422 {@code validation_failed} at {@code url} when it is not an absolute https URL the
     *     egress policy may reach; 422 {@code document_fetch_failed} when the fetch fails (the message names at most
     *     the host, never the URL's path or query), answers other than 2xx text, or is larger than the cap
     */
    String fetch(String url) {
        EgressDecision syntax = egress.checkUrl(url);
        HttpUrl parsed = HttpUrl.parse(url);
        if (!syntax.allowed() || parsed == null) {
            throw ApiException.invalid(
                    "url", syntax.allowed() ? "is not a valid URL" : "is not allowed: " + syntax.reason());
        }
        RenderedRequest request = RenderedRequest.builder(
                        HttpMethod.GET, parsed.newBuilder().fragment(null).build())
                .headers(new Headers.Builder().add("Accept", ACCEPT).build())
                .build();
        return switch (executor.execute(request, budget, maxBytes)) {
            case ExecutionResult.Success success
            when success.truncated() ->
                throw new ApiException(
                        ApiErrorCode.DOCUMENT_FETCH_FAILED,
                        "The document at " + parsed.host() + " is larger than " + maxBytes
                                + " bytes (toolgate.openapi-import.max-document-bytes).");
            case ExecutionResult.Success success -> success.body();
            case ExecutionResult.Failure failure ->
                throw new ApiException(
                        ApiErrorCode.DOCUMENT_FETCH_FAILED,
                        "The document could not be fetched: "
                                + failure.error().code().name() + ": "
                                + failure.error().message());
        };
    }
}
