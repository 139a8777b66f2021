package dev.toolgate.server.secrets;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;

/**
 * Edits a master keyset for a key rotation (docs/secrets.md): adds a new AES256-GCM key, as the primary or beside
 * it, or makes an existing key the primary. Every old key is kept, so what it encrypted still decrypts. Inputs and
 * outputs are Tink JSON keysets (cleartext key material: never log them); messages never quote them.
 */
public final class MasterKeysets {

    private MasterKeysets() {}

    /**
     * A changed keyset.
     *
     * @param keysetJson the keyset in Tink's JSON form
     * @param keyId the id of the key that was added or promoted
     * @param primaryKeyId the id of the primary key now
     */
    public record Edited(String keysetJson, int keyId, int primaryKeyId) {
        @Override
        public String toString() {
            return "Edited[keysetJson=***, keyId=" + keyId + ", primaryKeyId=" + primaryKeyId + "]";
        }
    }

    /**
     * Adds a new AES256-GCM key with a fresh random id.
     *
     * @param keysetJson the current keyset
     * @param primary whether the new key becomes the primary (encrypts new values; old rows get re-encrypted) or
     *     is only added (decrypts, for instances that must know it before any instance writes with it)
     * @throws IllegalArgumentException if the text is not a Tink JSON AEAD keyset
     */
    public static Edited addKey(String keysetJson, boolean primary) {
        KeysetHandle handle = parse(keysetJson);
        Set<Integer> before = ids(handle);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        KeysetHandle.Builder.Entry entry = KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .setStatus(KeyStatus.ENABLED);
        if (primary) {
            entry.makePrimary();
        }
        builder.addEntry(entry);
        KeysetHandle edited = build(builder);
        int added = ids(edited).stream()
                .filter(id -> !before.contains(id))
                .findFirst()
                .orElseThrow();
        return new Edited(write(edited), added, edited.getPrimary().getId());
    }

    /**
     * Makes the key {@code keyId} the primary one.
     *
     * @throws IllegalArgumentException if the text is not a Tink JSON AEAD keyset or has no enabled key of that id
     */
    public static Edited promote(String keysetJson, int keyId) {
        KeysetHandle handle = parse(keysetJson);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() == keyId && handle.getAt(i).getStatus() == KeyStatus.ENABLED) {
                builder.getAt(i).makePrimary();
                KeysetHandle edited = build(builder);
                return new Edited(write(edited), keyId, keyId);
            }
        }
        throw new IllegalArgumentException("the keyset has no enabled key with id " + Integer.toUnsignedString(keyId));
    }

    private static KeysetHandle parse(String keysetJson) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a Tink AEAD keyset in JSON form (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Tink refused the edited keyset: " + e.getMessage());
        }
    }

    private static String write(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not write the keyset: " + e.getMessage());
        }
    }

    private static Set<Integer> ids(KeysetHandle handle) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < handle.size(); i++) {
            ids.add(handle.getAt(i).getId());
        }
        return ids;
    }
}
