/**
 * Verifies the signatures Toolgate puts on every request to a tenant endpoint. JDK only; see
 * {@link dev.toolgate.verify.SignatureVerifier}.
 */
module dev.toolgate.verify {
    exports dev.toolgate.verify;
}
