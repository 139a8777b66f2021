package dev.toolgate.server.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Encrypts and decrypts secret strings with a Google Tink AEAD keyset (the master key). A stored value is
 * {@code tgenc1:} followed by the standard base64 (RFC 4648 §4) of Tink's ciphertext; Tink's output carries the id
 * of the key that wrote it, so a keyset with several keys decrypts what any of them wrote and encrypts with its
 * primary key.
 *
 * <p>Every ciphertext is bound by AEAD associated data to the row and purpose it belongs to ({@link #toolAuth},
 * {@link #signingSecret}, {@link #tenantSecret}): a value copied into another row, or another tenant's row, fails
 * to decrypt instead of being used there. Immutable and thread-safe; never logs and never puts a value or key
 * material in an exception.
 */
public final class SecretCipher {

    /** The prefix of every stored ciphertext (format version 1). */
    public static final String PREFIX = "tgenc1:";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError("Tink's AEAD key types could not be registered: " + e);
        }
    }

    private final Aead aead;
    private final String keySource;
    private final int primaryKeyId;
    /** The Tink output prefix of the primary key: 5 bytes (version byte and key id), or empty for a RAW key. */
    private final byte[] primaryPrefix;

    private SecretCipher(Aead aead, String keySource, int primaryKeyId, byte[] primaryPrefix) {
        this.aead = aead;
        this.keySource = keySource;
        this.primaryKeyId = primaryKeyId;
        this.primaryPrefix = primaryPrefix;
    }

    /**
     * Creates a cipher from a keyset in Tink's JSON keyset format (cleartext).
     *
     * @param keysetJson a Tink JSON keyset of AEAD keys, e.g. from {@link #generateKeysetJson()}
     * @param keySource where the keyset came from, for messages (e.g. {@code TOOLGATE_MASTER_KEY}); not secret
     * @throws IllegalArgumentException if the text is not such a keyset; the message never quotes the text
     */
    public static SecretCipher fromKeysetJson(String keysetJson, String keySource) {
        Objects.requireNonNull(keysetJson, "keysetJson");
        Objects.requireNonNull(keySource, "keySource");
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            KeysetHandle.Entry primary = handle.getPrimary();
            byte[] prefix = primary.getKey() instanceof AeadKey key
                    ? key.getOutputPrefix().toByteArray()
                    : new byte[0];
            return new SecretCipher(
                    handle.getPrimitive(RegistryConfiguration.get(), Aead.class), keySource, primary.getId(), prefix);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(keySource + " is not a Tink AEAD keyset in JSON form ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Generates a new keyset with one AES256-GCM key (Tink's {@code AES256_GCM}: 256-bit key, 96-bit random nonce,
     * 128-bit tag) and returns it in Tink's JSON keyset format. The result is key material: never log it.
     */
    public static String generateKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate an AES256-GCM keyset: " + e.getMessage());
        }
    }

    /** Returns where the master key came from (an environment variable's name or a file path); not secret. */
    public String keySource() {
        return keySource;
    }

    /**
     * Encrypts a secret.
     *
     * @param plaintext the secret value
     * @param associatedData the row binding, from {@link #toolAuth}, {@link #signingSecret} or {@link #tenantSecret}
     * @return {@code tgenc1:<base64>}; a fresh random nonce each call, so equal inputs give different outputs
     */
    public String encrypt(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        try {
            byte[] ciphertext = aead.encrypt(
                    plaintext.getBytes(StandardCharsets.UTF_8), associatedData.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("could not encrypt the secret for " + associatedData);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt}.
     *
     * @param stored the stored {@code tgenc1:<base64>} text
     * @param associatedData the same row binding it was encrypted with
     * @return the secret value
     * @throws SecretCipherException if the text is not a ciphertext of this format, or the master key, the
     *     ciphertext or the binding does not match
     */
    public String decrypt(String stored, String associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        if (!isCiphertext(stored)) {
            throw new SecretCipherException(
                    "the value stored for " + associatedData + " is not a " + PREFIX + " ciphertext");
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] plaintext = aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretCipherException("the secret stored for " + associatedData + " cannot be decrypted with the"
                    + " master key from " + keySource + " (a different key, or a value altered or moved between rows)");
        }
    }

    /** Returns the id of the keyset's primary key, which encrypts every new value. */
    public int primaryKeyId() {
        return primaryKeyId;
    }

    /**
     * Returns whether a stored value was written under another key than the primary one: Tink's ciphertext starts
     * with its key's output prefix (a version byte and the 4-byte key id, Tink's wire format), so this is known
     * without decrypting. Always false when the primary key has no prefix (Tink's RAW output; keys made by
     * {@code toolgate keygen} have one), since then nothing can be told apart.
     *
     * @param stored a {@code tgenc1:} value
     * @throws SecretCipherException if it is not one
     */
    public boolean needsReencryption(String stored) {
        if (!isCiphertext(stored)) {
            throw new SecretCipherException("the value is not a " + PREFIX + " ciphertext");
        }
        if (primaryPrefix.length == 0) {
            return false;
        }
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretCipherException("the value is not a " + PREFIX + " ciphertext");
        }
        return ciphertext.length < primaryPrefix.length
                || !Arrays.equals(ciphertext, 0, primaryPrefix.length, primaryPrefix, 0, primaryPrefix.length);
    }

    /**
     * Returns the beginnings that every stored value written under the primary key has, and no value under another
     * key with a different id: {@code tgenc1:} and the first 7 base64 characters, which encode the 5-byte key prefix
     * and 2 bits of the next (random) byte, hence 4 of them. A SQL filter {@code left(value, 14) not in (...)}
     * with them finds the rows {@link #needsReencryption} would pick, without decrypting. Empty when the primary
     * key has no prefix.
     */
    public List<String> primaryTextPrefixes() {
        if (primaryPrefix.length != 5) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>(4);
        for (int top = 0; top < 4; top++) {
            byte[] bytes = Arrays.copyOf(primaryPrefix, 6);
            bytes[5] = (byte) (top << 6);
            prefixes.add(PREFIX + Base64.getEncoder().encodeToString(bytes).substring(0, 7));
        }
        return List.copyOf(prefixes);
    }

    /** Returns whether {@code stored} has this format's {@value #PREFIX} prefix (and so is not plaintext). */
    public static boolean isCiphertext(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The binding of a tool's auth token or header value: {@code tool-auth:<toolId>}. */
    public static String toolAuth(UUID toolId) {
        return "tool-auth:" + toolId;
    }

    /** The binding of one signing secret: {@code signing-secret:<toolId>:<secretRowId>}. */
    public static String signingSecret(UUID toolId, UUID secretId) {
        return "signing-secret:" + toolId + ":" + secretId;
    }

    /** The binding of a tenant secret: {@code tenant-secret:<tenantId>:<name>}. */
    public static String tenantSecret(UUID tenantId, String name) {
        return "tenant-secret:" + tenantId + ":" + name;
    }

    /** Returns {@code SecretCipher[keySource=...]}; never key material. */
    @Override
    public String toString() {
        return "SecretCipher[keySource=" + keySource + "]";
    }
}
