package dev.toolgate.server.invocation;

import dev.toolgate.core.egress.AddressVerdict;
import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.engine.TestFireResult;
import dev.toolgate.core.render.RenderedRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The answer of a test fire: the rendered request (secrets masked), the egress verdict and, unless it was a dry run
 * or failed before sending, the invoke answer.
 *
 * @param request the rendered request, or null when the call failed before rendering (e.g. invalid arguments)
 * @param egress the egress verdict on the destination, or null when it was not judged
 * @param result the invoke answer: the endpoint's for a send, the error for a call that failed; null for a dry run
 *     that passed
 * @param dryRun whether nothing was sent
 */
@Schema(name = "TestFireOut", description = "A test fire: the rendered request, the egress verdict and the result.")
public record TestFireOut(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        RequestOut request,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        EgressOut egress,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"object", "null"})
        InvocationOut result,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean dryRun) {

    /** The answer for an engine's test-fire result. */
    static TestFireOut of(TestFireResult result, boolean dryRun) {
        return new TestFireOut(
                result.request() == null ? null : RequestOut.of(result.request()),
                result.egress() == null ? null : EgressOut.of(result.egress()),
                result.outcome() == null ? null : InvocationOut.of(result.outcome(), null),
                dryRun);
    }

    /**
     * A rendered request as operators see it: sensitive headers and query values (auth, templated secrets,
     * signatures) as {@code ***}, and every secret value Toolgate inserted masked wherever else it appears.
     *
     * @param method the HTTP method
     * @param url the URL, secret query values masked
     * @param headers the headers, in sending order, sensitive values masked
     * @param body the body as text, or null for none
     */
    @Schema(name = "RenderedRequestOut", description = "The request as rendered and signed, secrets masked.")
    public record RequestOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "POST")
            String method,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://api.example.com/orders/lookup")
            String url,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, String> headers,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"})
            String body) {

        /** The operators' view of {@code request}. */
        static RequestOut of(RenderedRequest request) {
            return new RequestOut(
                    request.method().name(), request.maskedUrl(), request.maskedHeaders(), request.maskedBody());
        }
    }

    /**
     * The egress verdict on a destination.
     *
     * @param allowed whether the call may go there
     * @param reason why (for a denial: which rule)
     * @param addresses the verdict on each address the host resolved to
     */
    @Schema(name = "EgressOut", description = "The egress verdict: allowed or not, why, and per resolved address.")
    public record EgressOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean allowed,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"})
            String reason,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<AddressOut> addresses) {

        /** The API form of {@code decision}. */
        static EgressOut of(EgressDecision decision) {
            return new EgressOut(
                    decision.allowed(),
                    decision.reason(),
                    decision.addresses().stream().map(AddressOut::of).toList());
        }
    }

    /**
     * The verdict on one resolved address.
     *
     * @param address the IP address
     * @param allowed whether it may be dialled
     * @param reason why
     */
    @Schema(name = "AddressVerdictOut", description = "The egress verdict on one resolved address.")
    public record AddressOut(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "203.0.113.10")
            String address,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean allowed,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    types = {"string", "null"})
            String reason) {

        static AddressOut of(AddressVerdict verdict) {
            return new AddressOut(verdict.address(), verdict.allowed(), verdict.reason());
        }
    }
}
