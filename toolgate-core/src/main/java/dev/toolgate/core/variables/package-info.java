/**
 * Call variables (docs/voice-runtime.md): values an {@code extract_variable} tool takes from the
 * conversation, or an {@code http_request} tool takes from its endpoint's answer
 * ({@code response_variables}), kept per call and rendered into later requests as {@code {{vars.NAME}}}.
 *
 * <p>Entry points: {@link dev.toolgate.core.variables.VariableExtraction} (an {@code extract_variable} call,
 * with its confirmation flow), {@link dev.toolgate.core.variables.ResponseVariables} (picking values out of a
 * JSON answer), {@link dev.toolgate.core.variables.CallVariables} (the store; in memory:
 * {@link dev.toolgate.core.variables.InMemoryCallVariables}).
 */
package dev.toolgate.core.variables;
