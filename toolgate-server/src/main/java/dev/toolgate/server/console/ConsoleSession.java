package dev.toolgate.server.console;

import dev.toolgate.server.tenant.Principal;
import dev.toolgate.server.tenant.Scope;

/**
 * The signed-in console user of one request: the session and the API key it acts as, with the key's current scopes.
 *
 * @param id the session's id: the SHA-256 hex of its token (the token itself stays in the browser's cookie)
 * @param principal the key's tenant, id and scopes, as they are now
 * @param csrfToken the session's synchronizer token, which every state-changing request must carry
 */
public record ConsoleSession(String id, Principal principal, String csrfToken) {

    /** Returns whether the session's key carries {@code scope} (or {@code admin}). */
    public boolean can(Scope scope) {
        return principal.has(scope);
    }

    /** Returns whether the key may change agents ({@code agents:write}); the pages hide forms it could not send. */
    public boolean canWriteAgents() {
        return can(Scope.AGENTS_WRITE);
    }

    /** Returns whether the key may change tools and secrets ({@code tools:write}). */
    public boolean canWriteTools() {
        return can(Scope.TOOLS_WRITE);
    }

    /** Returns whether the key may invoke, test-fire and replay tools ({@code tools:invoke}). */
    public boolean canInvoke() {
        return can(Scope.TOOLS_INVOKE);
    }

    /** Returns whether the key may read the invocation log ({@code invocations:read}). */
    public boolean canReadInvocations() {
        return can(Scope.INVOCATIONS_READ);
    }

    /** Returns whether the key is an admin key of its tenant (API keys). */
    public boolean isAdmin() {
        return principal.scopes().contains(Scope.ADMIN);
    }

    /** Returns whether the key is the operator's (tenants and their rate limits). */
    public boolean isOperator() {
        return principal.isOperator();
    }

    @Override
    public String toString() {
        return "ConsoleSession[key=" + principal.keyId() + ", tenant=" + principal.tenantId() + "]";
    }
}
