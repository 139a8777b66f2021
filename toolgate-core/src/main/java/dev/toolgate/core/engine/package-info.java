/**
 * The pipeline that runs tool calls: validate the arguments, check the destination, render, sign, consult the
 * endpoint's circuit, send, and turn the result into text for the model.
 *
 * <p>{@link dev.toolgate.core.engine.ToolEngine} runs one {@link dev.toolgate.core.engine.Invocation} (tool, signing
 * secrets, raw arguments, call) and returns an {@link dev.toolgate.core.engine.InvocationOutcome}: the
 * {@code content} the model gets plus everything the invocation log records. Every failure is a value carrying a
 * {@link dev.toolgate.core.error.ToolError}, never an exception. A test fire returns a
 * {@link dev.toolgate.core.engine.TestFireResult}; its dry run renders and judges the destination without sending.
 * {@link dev.toolgate.core.engine.EndpointCircuits} is the circuit-breaker port the server implements.
 *
 * <p>The engine dispatches by tool type to one runner each, behind the sealed {@code ToolRunner}: {@code HttpRunner}
 * (the HTTPS pipeline), {@code CallControlRunner} (transfers, end call, DTMF), {@code VariableRunner}
 * ({@code extract_variable}) and {@code KnowledgeRunner} ({@code knowledge_base}); what they need besides the HTTP
 * parts is {@link dev.toolgate.core.engine.VoiceServices} (call variables, localities, knowledge search).
 *
 * <p>The top of the core: depends on every other core package ({@code args}, {@code egress}, {@code error},
 * {@code exec}, {@code render}, {@code signing}, {@code tool}, {@code voice}, {@code variables}, {@code telephony},
 * {@code knowledge}) and on Jackson; no core package depends on it. The
 * steps are drawn in the project's {@code docs/architecture.md}.
 */
package dev.toolgate.core.engine;
