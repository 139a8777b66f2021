/**
 * Verification of Toolgate request signatures for a tenant's Java endpoint, JDK only.
 *
 * <p>Start with {@link dev.toolgate.verify.SignatureVerifier}: build one per tool with the tool's signing
 * secrets, call {@code verify} with the raw request, and answer 401 on a
 * {@link dev.toolgate.verify.SignatureVerificationException}. The scheme is described in full in the
 * project's {@code docs/signing.md}.
 */
package dev.toolgate.verify;
