/**
 * {@link dev.toolgate.server.ToolgateApplication} is the Spring Boot application that wires the feature packages
 * below it; the command line that starts it is {@code server.cli}.
 *
 * <p>The server adapts HTTP and storage to the framework-free core ({@code dev.toolgate.core.*}). Its packages are
 * by feature: each holds its controller, service and store. This package depends on Spring Boot only. The package
 * map is in the project's {@code docs/architecture.md}.
 */
package dev.toolgate.server;
