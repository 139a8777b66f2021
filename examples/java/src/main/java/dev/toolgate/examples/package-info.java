/**
 * A complete tenant endpoint in Java: {@link dev.toolgate.examples.OrderEndpoint} serves a {@code lookup_order}
 * tool on the JDK's {@code com.sun.net.httpserver}. It verifies every request's signature with
 * {@link dev.toolgate.verify.SignatureVerifier}, checks the bearer token, reads the arguments in either body mode,
 * answers with a {@code hint}, and answers every failure with {@code {"error": ..., "hint": ...}}.
 *
 * <p>Depends on {@code toolgate-verify} and Jackson (the JDK has no JSON parser) only. How to run it is described in
 * the project's {@code docs/code-samples.md}.
 */
package dev.toolgate.examples;
