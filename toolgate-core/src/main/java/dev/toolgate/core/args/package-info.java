/**
 * The model's arguments for one tool call: parsed into a JSON object and checked against the tool's
 * {@code parameters} JSON Schema before anything is sent.
 *
 * <p>{@link dev.toolgate.core.args.ArgumentParser} accepts an object or, as OpenAI sends
 * {@code function.arguments}, a string holding JSON (no arguments at all means {@code {}}); duplicate keys and
 * trailing text in such a string are errors. The result is an {@link dev.toolgate.core.args.ArgumentParseResult}.
 * {@link dev.toolgate.core.args.ArgumentValidator} compiles a schema once per tool version (never fetching a remote
 * reference) and reports every {@link dev.toolgate.core.args.ArgumentViolation} with its JSON Pointer, as one
 * {@code HTTP_TOOL_INVALID_ARGS} error.
 *
 * <p>Depends on {@code dev.toolgate.core.error}, Jackson and networknt json-schema-validator only. Request-level
 * behaviour is described in the project's {@code docs/request-response.md}.
 */
package dev.toolgate.core.args;
