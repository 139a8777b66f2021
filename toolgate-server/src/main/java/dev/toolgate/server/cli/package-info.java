/**
 * The command line: {@link dev.toolgate.server.cli.ToolgateMain} ({@code serve}, {@code demo}, {@code keygen};
 * further {@code --spring.property=value} arguments pass through to Spring), the main class of the jar.
 *
 * <p>Depends on the root package ({@code ToolgateApplication}), {@code server.demo} and {@code server.secrets}
 * (the {@code demo} and {@code keygen} commands) and picocli. Kept out of the root package so that
 * {@code server.demo}, which starts {@code ToolgateApplication}, and the command line that starts the demo form no
 * cycle (docs/architecture.md, "Modules and dependency rules").
 */
package dev.toolgate.server.cli;
