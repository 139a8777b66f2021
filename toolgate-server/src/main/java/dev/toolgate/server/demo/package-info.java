/**
 * {@code toolgate demo}: the main job end to end on real tool calls. {@link dev.toolgate.server.demo.DemoRunner}
 * starts a loopback HTTPS tenant endpoint ({@link dev.toolgate.server.demo.DemoEndpoint}, which verifies every
 * signature with {@code toolgate-verify}) and the gateway on the embedded default, admitting the endpoint through
 * the allowlist and trusting its fresh CA exactly as an operator would, then registers the BFCL tools
 * ({@link dev.toolgate.server.demo.BfclData}) and replays their valid and invalid calls through the REST API
 * ({@code BfclReplay}).
 *
 * <p>Depends on {@code dev.toolgate.server} ({@code ToolgateApplication}), {@code server.tenant},
 * {@code toolgate-verify}, OkHttp and okhttp-tls, the JDK's HTTPS server, Jackson and Spring Boot.
 */
package dev.toolgate.server.demo;
