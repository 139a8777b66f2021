package dev.toolgate.server.tool;

import dev.toolgate.server.secrets.SigningSecretStore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The answer of a signing-secret rotation.
 *
 * @param signingSecret the new secret, shown this once
 * @param previousExpiresAt when the previous secret stops signing, or null when there was none
 * @param overlapSeconds the overlap used, in seconds
 * @param activeSigningSecrets how many secrets sign each request now, the new one included
 */
@Schema(name = "RotationOut", description = "The new signing secret and how long the previous one keeps signing.")
record RotationOut(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The new secret, shown this once.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String signingSecret,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"},
                format = "date-time")
        Instant previousExpiresAt,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "86400")
        long overlapSeconds,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2")
        int activeSigningSecrets) {

    @Override
    public String toString() {
        return "RotationOut[signingSecret=***, previousExpiresAt=" + previousExpiresAt + ", overlapSeconds="
                + overlapSeconds + ", activeSigningSecrets=" + activeSigningSecrets + "]";
    }

    static RotationOut of(SigningSecretStore.Rotation rotation) {
        return new RotationOut(
                rotation.secret().reveal(),
                rotation.previousExpiresAt(),
                rotation.overlap().toSeconds(),
                rotation.activeSecrets());
    }
}
