/**
 * The invocation log and what is read from it. {@link dev.toolgate.server.invocation.InvocationLog} records every
 * invocation and test fire (not dry runs) as an {@link dev.toolgate.server.invocation.InvocationRecord}, secrets
 * masked, through a bounded queue and a background writer, so callers never wait on the database.
 * {@link dev.toolgate.server.invocation.PiiMasker} masks personal data in the response preview only;
 * {@link dev.toolgate.server.invocation.RetentionJob} deletes old records in small batches;
 * {@link dev.toolgate.server.invocation.ToolHealth} computes a tool's health. Package-private controllers serve
 * {@code GET /v1/agents/{id}/invocations}, {@code GET /v1/invocations/{id}}, its curl export and
 * {@code …/tools/{toolId}/health}.
 *
 * <p>Depends on {@code server.agent}, {@code server.api}, {@code server.config}, {@code server.tenant},
 * {@code server.tool}, libphonenumber, Apache Commons Validator, Jackson and Spring JDBC and MVC.
 */
package dev.toolgate.server.invocation;
