/**
 * Tool-call failures as values: the closed set {@link dev.toolgate.core.error.ErrorCode}, each with a default
 * message and recovery hint, and {@link dev.toolgate.core.error.ToolError} (code, a message safe to show a model or
 * a tenant, and the hint, which a tool's {@code error_hint} replaces). The model receives an error as
 * {@code {"error": CODE, "message": ..., "hint": ...}}.
 *
 * <p>Depends on nothing. Every code is listed in the project's {@code docs/errors.md} (kept in step by a test),
 * with what to check in {@code docs/troubleshooting.md}.
 */
package dev.toolgate.core.error;
