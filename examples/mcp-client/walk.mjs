// Walks Toolgate's MCP server with the official MCP TypeScript SDK client (@modelcontextprotocol/sdk), as a voice
// runtime would: connect, list the tools, call them, and check what the model would get. Run by
// McpIntegrationTest against a server on loopback; each step prints "step <name> ok", the last line "walk complete".
//
// Environment: TOOLGATE_URL (http://127.0.0.1:port), TOOLGATE_API_KEY, AGENT_ID, and the tool names SIGNED_TOOL
// (its endpoint answers only correctly signed requests), STRICT_TOOL (requires an argument) and LIMITED_TOOL (its
// rate limit is reached after LIMITED_CALLS calls).
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const base = env('TOOLGATE_URL');
const key = env('TOOLGATE_API_KEY');
const agent = env('AGENT_ID');
const signedTool = env('SIGNED_TOOL');
const strictTool = env('STRICT_TOOL');
const limitedTool = env('LIMITED_TOOL');
const limitedCalls = Number(env('LIMITED_CALLS'));

const mcpUrl = (query = '') => new URL(`${base}/v1/agents/${agent}/mcp${query}`);

async function connect(url, headers) {
  const client = new Client({ name: 'toolgate-mcp-walk', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

function step(name) {
  console.log(`step ${name} ok`);
}

/** The JSON error text of a failed call: the same text the invoke API gives the model. */
function errorOf(result) {
  assert.equal(result.isError, true, JSON.stringify(result));
  assert.equal(result.content.length, 1);
  assert.equal(result.content[0].type, 'text');
  return JSON.parse(result.content[0].text);
}

const client = await connect(mcpUrl(), { Authorization: `Bearer ${key}`, 'X-Toolgate-Call-Id': 'call-mcp-walk' });
assert.equal(client.getServerVersion().name, 'toolgate');
assert.ok(client.getServerCapabilities().tools, 'the server offers tools');
step('connect');

const listed = await client.listTools();
const names = listed.tools.map((tool) => tool.name);
assert.deepEqual(names, [signedTool, strictTool, limitedTool], `priority order: ${names}`);
const signed = listed.tools[0];
assert.equal(signed.inputSchema.type, 'object');
assert.deepEqual(signed.inputSchema.required, ['phone']);
assert.equal(signed.annotations.readOnlyHint, false);
assert.equal(signed.annotations.idempotentHint, false);
const limited = listed.tools[2];
assert.equal(limited.annotations.readOnlyHint, true);
assert.equal(limited.annotations.idempotentHint, true);
step('listTools');

const subsetClient = await connect(mcpUrl(`?tools=${strictTool}`), { 'X-API-Key': key });
const subset = await subsetClient.listTools();
assert.deepEqual(subset.tools.map((tool) => tool.name), [strictTool]);
await assert.rejects(
  subsetClient.callTool({ name: signedTool, arguments: { phone: '+14155550123' } }),
  (error) => error instanceof McpError && error.code === -32602 && /Unknown tool/.test(error.message),
);
await subsetClient.close();
step('subset');

const ok = await client.callTool({ name: signedTool, arguments: { phone: '+14155550123' } });
assert.equal(ok.isError, false, JSON.stringify(ok));
assert.equal(ok.content[0].type, 'text');
assert.match(ok.content[0].text, /signature verified/);
assert.match(ok.content[0].text, /Ada Lovelace/);
assert.match(ok._meta['dev.toolgate/invocation_id'], /^[0-9a-f-]{36}$/);
step('callSignedTool');

const invalid = errorOf(await client.callTool({ name: strictTool, arguments: { slot: 42 } }));
assert.equal(invalid.error, 'HTTP_TOOL_INVALID_ARGS', JSON.stringify(invalid));
assert.ok(invalid.hint, 'the model gets a hint');
step('callWithInvalidArguments');

let limitedError;
for (let i = 0; i <= limitedCalls && !limitedError; i++) {
  const result = await client.callTool({ name: limitedTool, arguments: { order_id: `A-${i}` } });
  if (result.isError) {
    limitedError = errorOf(result);
    assert.equal(i, limitedCalls, `the limit is reached after ${limitedCalls} calls, not ${i}`);
  }
}
assert.ok(limitedError, 'the rate limit was reached');
assert.equal(limitedError.error, 'HTTP_TOOL_RATE_LIMITED', JSON.stringify(limitedError));
step('callRateLimitedTool');

const missing = errorOf(await client.callTool({ name: 'no_such_tool', arguments: {} }));
assert.equal(missing.error, 'HTTP_TOOL_NOT_FOUND', JSON.stringify(missing));
step('callUnknownTool');
await client.close();

for (const headers of [{}, { 'X-API-Key': 'tg_not_a_key' }, { Authorization: 'Bearer tg_not_a_key' }]) {
  await assert.rejects(
    connect(mcpUrl(), headers),
    (error) => error instanceof StreamableHTTPError && error.code === 401 && /unauthenticated/.test(error.message),
  );
}
step('refusedWithoutKey');

console.log('walk complete');
