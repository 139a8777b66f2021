package dev.toolgate.verify;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful verification established.
 *
 * @param scheme the scheme that was verified
 * @param signedAt the signed timestamp (whole seconds), within the tolerance of the verifier's clock
 * @param secretIndex the position, in the verifier's secret list, of the secret that matched; during a
 *     rotation this tells when the old secret stops being used
 */
public record VerifiedRequest(Scheme scheme, Instant signedAt, int secretIndex) {
    public VerifiedRequest {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(signedAt, "signedAt");
        if (secretIndex < 0) {
            throw new IllegalArgumentException("secretIndex must not be negative");
        }
    }
}
