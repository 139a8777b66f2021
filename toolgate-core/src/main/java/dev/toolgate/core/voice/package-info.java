/**
 * The voice runtime's side of the six non-HTTP tool types (docs/voice-runtime.md): the schema each tool
 * shows the model ({@link dev.toolgate.core.voice.ToolSchemas}), the provider-neutral call-control
 * {@link dev.toolgate.core.voice.CallAction action} a tool call turns into
 * ({@link dev.toolgate.core.voice.CallActions#plan}), its JSON ({@link dev.toolgate.core.voice.ActionJson},
 * schema {@value dev.toolgate.core.voice.ActionJson#SCHEMA_RESOURCE}) and its TwiML
 * ({@link dev.toolgate.core.voice.Twiml}). DTMF audio is {@link dev.toolgate.core.telephony.DtmfAudio};
 * {@code extract_variable} is {@link dev.toolgate.core.variables.VariableExtraction}.
 *
 * <p>Pure functions over immutable values: nothing here dials, stores or sends.
 */
package dev.toolgate.core.voice;
