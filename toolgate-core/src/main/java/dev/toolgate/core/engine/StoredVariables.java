package dev.toolgate.core.engine;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.core.variables.ResponseVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's side of call variables: it adds what a call stored to the call context every run renders with, and
 * stores an HTTP tool's {@code response_variables} after a live success. A failing store (Redis down) never fails the
 * call: the context is then the runtime's, and the answer still reaches the model. Thread-safe when the store is.
 */
final class StoredVariables {

    /** What a template naming a call variable holds: {@code {{vars.NAME}}} (docs/request-response.md). */
    private static final String MARK = "vars.";

    private final CallVariables store;

    StoredVariables(CallVariables store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Returns whether a call of {@code tool} can render a call variable: an {@code http_request} tool whose URL, header
     * or query values mention {@code vars.} (a loose test: a false positive only costs a lookup). Only those need the
     * stored variables, so no other call pays for a lookup in a shared store.
     */
    static boolean rendersVariables(Tool tool) {
        if (!(tool.definition().config() instanceof HttpRequestConfig http)) {
            return false;
        }
        return http.url().contains(MARK)
                || http.headers().stream().anyMatch(header -> header.value().contains(MARK))
                || http.queryParams().stream().anyMatch(query -> query.value().contains(MARK));
    }

    /** Returns {@code call} with its stored variables added (a stored one wins); a call without an id has none. */
    CallContext addTo(CallContext call) {
        if (call.callId().isEmpty()) {
            return call;
        }
        Map<String, String> stored;
        try {
            stored = store.variables(CallVariables.scope(call.tenantId(), call.callId()));
        } catch (RuntimeException e) {
            return call; // the shared store failed: render with what the runtime sent
        }
        if (stored.isEmpty()) {
            return call;
        }
        Map<String, String> merged = new HashMap<>(call.variables());
        merged.putAll(stored);
        return new CallContext(call.callId(), call.callerNumber(), call.tenantId(), call.agentId(), merged);
    }

    /** After a live success of an HTTP tool with {@code response_variables}: stores what its JSON answer holds. */
    void storeResponseVariables(Invocation invocation, InvocationOutcome outcome) {
        if (!(invocation.tool().definition().config() instanceof HttpRequestConfig config)
                || config.responseVariables().isEmpty()
                || invocation.call().callId().isEmpty()) {
            return;
        }
        ResponseVariables.Result found = ResponseVariables.extract(config.responseVariables(), outcome.responseBody());
        if (found.values().isEmpty()) {
            return;
        }
        try {
            store.putAll(
                    CallVariables.scope(
                            invocation.tool().tenantId(), invocation.call().callId()),
                    found.values());
        } catch (RuntimeException e) {
            // the shared store failed: the endpoint's answer still reaches the model
        }
    }
}
