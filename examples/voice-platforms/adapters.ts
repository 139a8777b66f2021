// Calls Toolgate's voice-platform adapters the way the platforms do, with requests shaped by the platforms' own SDK
// types and signed by their own helpers: Vapi's tool-calls server message (@vapi-ai/server-sdk types), Retell's
// custom-function request signed with retell-sdk's sign(), and an ElevenLabs server-tool call whose tool comes from
// Toolgate's export, read by @elevenlabs/elevenlabs-js's own schema. Tampered requests must be refused.
// Run by PlatformAdaptersIntegrationTest; each step prints "step <name> ok", the last line "adapters complete".
//
// Environment: TOOLGATE_URL, AGENT_ID, TOOL (a tool taking {phone}), VAPI_SECRET, RETELL_API_KEY, ELEVENLABS_SECRET.
import assert from 'node:assert/strict';
import type { Vapi } from '@vapi-ai/server-sdk';
import { sign } from 'retell-sdk';
import type { LlmCreateParams } from 'retell-sdk/resources/llm';
import * as ElevenLabsWire from '@elevenlabs/elevenlabs-js/serialization/index.js';
import type * as ElevenLabs from '@elevenlabs/elevenlabs-js/api/index.js';
import { elevenlabs, retell, vapi } from './target/exports.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const base = env('TOOLGATE_URL');
const agent = env('AGENT_ID');
const tool = env('TOOL');

function step(name: string): void {
  console.log(`step ${name} ok`);
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
}

async function expectRefused(response: Response): Promise<void> {
  const text = await response.text();
  assert.equal(response.status, 401, text);
  const problem = JSON.parse(text) as { code: string };
  assert.equal(problem.code, 'platform_unauthenticated');
}

// --- the exports, typed by the platforms' SDKs (tsc checked target/exports.ts) --------------------------------
const vapiTools: Vapi.CreateToolsRequest.Function[] = vapi;
const retellTools: LlmCreateParams.CustomTool[] = retell;
const vapiTool = vapiTools.find((t) => t.function?.name === tool);
assert.ok(vapiTool?.server?.url, 'the Vapi export names the adapter');
assert.equal(vapiTool.server.url, `${base}/v1/agents/${agent}/adapters/vapi`);
const retellTool = retellTools.find((t) => t.name === tool);
assert.equal(retellTool?.url, `${base}/v1/agents/${agent}/adapters/retell`);
const elevenTools: ElevenLabs.ToolRequestModel[] = elevenlabs.map((raw) => ElevenLabsWire.ToolRequestModel.parseOrThrow(raw));
const elevenTool = elevenTools.find((t) => t.toolConfig.type === 'webhook' && t.toolConfig.name === tool);
assert.ok(elevenTool && elevenTool.toolConfig.type === 'webhook');
const elevenUrl = elevenTool.toolConfig.apiSchema.url;
assert.equal(elevenUrl, `${base}/v1/agents/${agent}/adapters/elevenlabs/${tool}`);
step('exports');

// --- Vapi -----------------------------------------------------------------------------------------------------
const message: Vapi.ServerMessageToolCalls = {
  type: 'tool-calls',
  toolWithToolCallList: [],
  toolCallList: [
    { id: 'toolu_vapi_1', type: 'function', function: { name: tool, arguments: JSON.stringify({ phone: '+14155550123' }) } },
    { id: 'toolu_vapi_2', type: 'function', function: { name: tool, arguments: JSON.stringify({ phone: 42 }) } },
  ],
  call: { id: 'vapi-call-1' } as Vapi.Call,
  customer: { number: '+14155550100' },
};
const vapiBody = JSON.stringify({ message });
const vapiAnswer = await post(vapiTool.server.url, vapiBody, { 'X-Vapi-Secret': env('VAPI_SECRET') });
assert.equal(vapiAnswer.status, 200, await vapiAnswer.clone().text());
const vapiResults = (await vapiAnswer.json()) as Vapi.ServerMessageResponseToolCalls;
assert.equal(vapiResults.results?.length, 2);
const [first, second] = vapiResults.results ?? [];
assert.equal(first?.toolCallId, 'toolu_vapi_1');
assert.equal(first?.name, tool);
assert.match(first?.result ?? '', /Ada Lovelace/);
assert.equal(second?.toolCallId, 'toolu_vapi_2');
assert.equal(JSON.parse(second?.result ?? '{}').error, 'HTTP_TOOL_INVALID_ARGS');
step('vapiToolCalls');

await expectRefused(await post(vapiTool.server.url, vapiBody, { 'X-Vapi-Secret': `${env('VAPI_SECRET')}x` }));
await expectRefused(await post(vapiTool.server.url, vapiBody, {}));
step('vapiRefused');

// --- Retell ---------------------------------------------------------------------------------------------------
const retellBody = JSON.stringify({
  name: tool,
  call: { call_id: 'retell-call-1', direction: 'inbound', from_number: '+14155550101', to_number: '+14155550199' },
  args: { phone: '+14155550123' },
});
const signature = await sign(retellBody, env('RETELL_API_KEY'));
const retellAnswer = await post(retellTool.url, retellBody, { 'X-Retell-Signature': signature });
assert.equal(retellAnswer.status, 200, await retellAnswer.clone().text());
assert.match(await retellAnswer.text(), /Ada Lovelace/);
step('retellFunctionCall');

await expectRefused(await post(retellTool.url, retellBody.replace('+14155550123', '+14155550124'), { 'X-Retell-Signature': signature }));
await expectRefused(await post(retellTool.url, retellBody, { 'X-Retell-Signature': await sign(retellBody, 'another key') }));
await expectRefused(await post(retellTool.url, retellBody, {}));
step('retellRefused');

// --- ElevenLabs -----------------------------------------------------------------------------------------------
const headerNames = Object.keys(elevenTool.toolConfig.apiSchema.requestHeaders ?? {});
assert.deepEqual(headerNames.sort(), ['X-Toolgate-Call-Id', 'X-Toolgate-Caller-Number']);
const elevenBody = JSON.stringify({ phone: '+14155550123' });
const elevenHeaders = {
  'X-Toolgate-Secret': env('ELEVENLABS_SECRET'),
  'X-Toolgate-Call-Id': 'conv_eleven_1',
  'X-Toolgate-Caller-Number': '+14155550102',
};
const elevenAnswer = await post(elevenUrl, elevenBody, elevenHeaders);
assert.equal(elevenAnswer.status, 200, await elevenAnswer.clone().text());
assert.match(await elevenAnswer.text(), /Ada Lovelace/);
step('elevenLabsToolCall');

await expectRefused(await post(elevenUrl, elevenBody, { ...elevenHeaders, 'X-Toolgate-Secret': 'wrong' }));
step('elevenLabsRefused');

console.log('adapters complete');
