/**
 * Secrets at rest and their APIs: the master key and {@link dev.toolgate.server.secrets.SecretCipher} (Google
 * Tink AEAD), tool auth values and signing secrets stored encrypted, the tenant secret store behind
 * {@code {{secrets.NAME}}} and {@code /v1/secrets}, and signing-secret rotation (its REST endpoint, which looks the
 * tool up, is in {@code server.tool}, so this package does not depend on the tool store). Every secret is write-only:
 * reads return {@code "***"}, and no value reaches a log, an API response (except a signing secret, once, when it
 * is issued), the invocation log or an exception message. See docs/secrets.md.
 */
package dev.toolgate.server.secrets;
