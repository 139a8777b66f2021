/**
 * LLM function descriptors: an agent's enabled tools exported as OpenAI Chat Completions tools, Anthropic
 * Messages tools or Gemini function declarations ({@link dev.toolgate.core.describe.DescriptorExporter}), each with
 * the argument schema the model sees and, on request, the {@code x-toolgate} speech extension. Uses {@code tool} and
 * {@code voice}.
 */
package dev.toolgate.core.describe;
