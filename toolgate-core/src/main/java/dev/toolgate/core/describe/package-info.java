/**
 * LLM function descriptors: an agent's enabled tools exported as OpenAI Chat Completions tools, Anthropic
 * Messages tools or Gemini function declarations ({@link dev.toolgate.core.describe.DescriptorExporter}).
 */
package dev.toolgate.core.describe;
