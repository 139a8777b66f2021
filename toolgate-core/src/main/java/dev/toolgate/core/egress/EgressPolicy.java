package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.util.List;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * SKELETON (being implemented): the egress policy. See the helper prompt for the contract.
 */
public final class EgressPolicy {

    private EgressPolicy() {
    }

    /** Returns a builder: allowlist (default empty), resolver (default {@link Dns#SYSTEM}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the production default: no allowlist, the system resolver. */
    public static EgressPolicy ofDefaults() {
        return builder().build();
    }

    /** Pure pre-flight check of a raw URL string: no DNS. allowed()==true means "may proceed to resolution". */
    public EgressDecision checkUrl(String rawUrl) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** checkUrl + resolution + a verdict on every resolved address; used by dry-run test fires. */
    public EgressDecision decide(String rawUrl) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Installs the guarded Dns, guarded SocketFactory, NO_PROXY, and turns redirects and retries off. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Builder. */
    public static final class Builder {
        private List<AllowlistEntry> allowlist = List.of();
        private Dns resolver = Dns.SYSTEM;

        public Builder allowlist(List<AllowlistEntry> entries) {
            this.allowlist = List.copyOf(entries);
            return this;
        }

        public Builder resolver(Dns resolver) {
            this.resolver = resolver;
            return this;
        }

        public EgressPolicy build() {
            return new EgressPolicy();
        }
    }

    /** Placeholder so the skeleton compiles. */
    public record AllowlistEntryPlaceholder(InetAddress address) {
    }
}
