package dev.toolgate.server.secrets;

/**
 * A stored secret could not be decrypted: the master key is not the one it was written with, the ciphertext was
 * altered, or it was moved to another row (its associated data no longer matches). The message names the row's
 * binding (e.g. {@code tool-auth:<toolId>}), never a value or key material.
 */
public final class SecretCipherException extends RuntimeException {

    /**
     * @param message what failed, without secret values
     */
    public SecretCipherException(String message) {
        super(message, null, false, false);
    }
}
