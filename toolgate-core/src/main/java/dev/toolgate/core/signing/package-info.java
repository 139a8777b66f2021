/**
 * Signing requests so a tenant endpoint can prove they come from Toolgate, are unchanged and fresh.
 *
 * <p>{@link dev.toolgate.core.signing.RequestSigner} adds {@code X-Toolgate-Signature} (HMAC-SHA256 over
 * {@code <ts>.<payload>}, Stripe-compatible) or the Standard Webhooks headers, one signature per active secret
 * during a rotation. {@link dev.toolgate.core.signing.SigningSecret} is the secret value type (generated here,
 * compared in constant time, never shown by {@code toString}). The {@code Idempotency-Key} it signs is computed by
 * {@link dev.toolgate.core.render.IdempotencyKey}.
 *
 * <p>Depends on {@code dev.toolgate.core.render} ({@code RenderedRequest}), {@code tool}
 * ({@code SignatureScheme}), OkHttp ({@code Headers}) and Jackson. The schemes are specified byte for byte in the
 * project's {@code docs/signing.md}.
 */
package dev.toolgate.core.signing;
