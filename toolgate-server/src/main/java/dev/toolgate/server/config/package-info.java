/**
 * Settings and wiring. {@link dev.toolgate.server.config.ToolgateProperties} binds and range-checks every
 * {@code toolgate.*} setting (listed in the project's {@code docs/configuration.md}). Package-private
 * configurations build the core engine from it (egress policy, executor, renderer, tool parser, circuits) and choose
 * the database (embedded H2 or PostgreSQL). {@link dev.toolgate.server.config.RedisConfiguration} provides the
 * optional shared Redis.
 *
 * <p>Depends on {@code core.egress}, {@code core.engine}, {@code core.exec}, {@code core.render}, {@code core.tool},
 * {@code server.circuit}, Spring Boot, HikariCP and Lettuce.
 */
package dev.toolgate.server.config;
