/**
 * The entry points: {@link dev.toolgate.server.ToolgateMain} is the command line ({@code serve}, {@code demo},
 * {@code keygen}; further {@code --spring.property=value} arguments pass through to Spring) and
 * {@link dev.toolgate.server.ToolgateApplication} the Spring Boot application that wires the feature packages
 * below it.
 *
 * <p>The server adapts HTTP and storage to the framework-free core ({@code dev.toolgate.core.*}). Its packages are
 * by feature: each holds its controller, service and store. This package depends on {@code server.demo} and
 * {@code server.secrets} (the {@code demo} and {@code keygen} commands), Spring Boot and picocli. The package map is
 * in the project's {@code docs/architecture.md}.
 */
package dev.toolgate.server;
