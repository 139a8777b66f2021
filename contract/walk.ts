// Walks the Toolgate API with a client generated from its served OpenAPI document (openapi-typescript types,
// openapi-fetch calls): create an agent, create an HTTP tool, export its functions, invoke it, list and read the
// invocation log, replay, run an assistant message's tool calls, dry-run a test fire. Nothing here is hand-typed
// against the API: a path, parameter or body the document does not describe fails `tsc --noEmit`, and a response
// that differs from it fails a step.
//
// Environment: TOOLGATE_URL (the server), TOOLGATE_API_KEY (a key with the scopes used below, e.g. admin) and
// TOOL_URL (an https:// endpoint the gateway may call, answering JSON). Prints "step <name> ok" for each step and
// "walk complete" at the end; exits 1 at the first failure. See docs/api.md.
import createClient from "openapi-fetch";
import type { paths } from "./target/api.js";

const baseUrl = env("TOOLGATE_URL");
const toolUrl = env("TOOL_URL");
const client = createClient<paths>({ baseUrl, headers: { "X-API-Key": env("TOOLGATE_API_KEY") } });

type Answer<T> = { data?: T; error?: unknown; response: Response };

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set`);
  }
  return value;
}

/** Returns the body of a successful answer, or throws naming the step, the status and the problem. */
function ok<T>(step: string, answer: Answer<T>, status: number): T {
  if (answer.response.status !== status || answer.data === undefined) {
    throw new Error(
      `step ${step}: expected HTTP ${status}, got ${answer.response.status}: ${JSON.stringify(answer.error ?? answer.data)}`,
    );
  }
  return answer.data;
}

/** Returns the string field `key` of a JSON object, or throws. */
function text(step: string, value: unknown, key: string): string {
  const field = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof field !== "string" || field === "") {
    throw new Error(`step ${step}: no string "${key}" in ${JSON.stringify(value)}`);
  }
  return field;
}

function expect(step: string, condition: boolean, what: string, value: unknown): void {
  if (!condition) {
    throw new Error(`step ${step}: ${what}, got ${JSON.stringify(value)}`);
  }
}

function done(step: string, detail: string): void {
  console.log(`step ${step} ok ${detail}`);
}

// 1. An agent.
const agent = ok(
  "createAgent",
  await client.POST("/v1/agents", { body: { name: "contract walk", description: "made by contract/walk.ts" } }),
  201,
);
const agentId = text("createAgent", agent, "id");
done("createAgent", agentId);

// 2. An HTTP tool of that agent, calling TOOL_URL.
const tool = ok(
  "createTool",
  await client.POST("/v1/agents/{agentId}/tools", {
    params: { path: { agentId } },
    body: {
      name: "lookup_customer",
      description: "Looks up a customer by phone number",
      tool_type: "http_request",
      parameters: {
        type: "object",
        properties: { phone: { type: "string", description: "E.164 phone number" } },
        required: ["phone"],
      },
      config: { url: toolUrl, method: "POST", body_mode: "arguments" },
    },
  }),
  201,
);
const toolId = text("createTool", tool, "id");
text("createTool", tool, "signing_secret");
done("createTool", toolId);

// 3. The agent's tools as OpenAI function descriptors.
const functions = ok(
  "getAgentFunctions",
  await client.GET("/v1/agents/{agentId}/functions", { params: { path: { agentId }, query: { format: "openai" } } }),
  200,
);
expect("getAgentFunctions", functions["format"] === "openai", 'format "openai"', functions);
expect(
  "getAgentFunctions",
  Array.isArray(functions["tools"]) && JSON.stringify(functions["tools"]).includes('"lookup_customer"'),
  "a descriptor of lookup_customer",
  functions,
);
done("getAgentFunctions", "lookup_customer");

// 4. One tool call, as the voice runtime sends it.
const invocation = ok(
  "invokeTool",
  await client.POST("/v1/agents/{agentId}/invocations", {
    params: { path: { agentId } },
    body: { tool: "lookup_customer", arguments: { phone: "+14155550123" }, call: { id: "call-contract-1" } },
  }),
  200,
);
// The operation also answers an event stream or TwiML (a string) when asked for with Accept; this call asked for JSON.
expect("invokeTool", typeof invocation === "object", "a JSON answer", invocation);
expect("invokeTool", typeof invocation === "object" && invocation["status"] === "ok", 'status "ok"', invocation);
const invocationId = text("invokeTool", invocation, "invocation_id");
done("invokeTool", invocationId);

// 5. The invocation log lists it (it is written in the background: ask a few times).
let listed = false;
for (let attempt = 0; attempt < 50 && !listed; attempt++) {
  const page = ok(
    "listInvocations",
    await client.GET("/v1/agents/{agentId}/invocations", {
      params: { path: { agentId }, query: { tool: "lookup_customer", limit: 10 } },
    }),
    200,
  );
  const data = page["data"];
  listed = Array.isArray(data) && data.some((record: unknown) => text("listInvocations", record, "id") === invocationId);
  if (!listed) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
expect("listInvocations", listed, `invocation ${invocationId} in the log`, null);
done("listInvocations", invocationId);

// 6. The record itself.
const record = ok(
  "getInvocation",
  await client.GET("/v1/invocations/{id}", { params: { path: { id: invocationId } } }),
  200,
);
expect("getInvocation", record["tool_name"] === "lookup_customer", 'tool_name "lookup_customer"', record);
expect("getInvocation", record["status"] === "ok", 'status "ok"', record);
done("getInvocation", invocationId);

// 7. Run it again, as a new invocation linked to the first.
const replay = ok(
  "replayInvocation",
  await client.POST("/v1/invocations/{id}/replay", { params: { path: { id: invocationId } } }),
  200,
);
expect("replayInvocation", replay["status"] === "ok", 'status "ok"', replay);
expect("replayInvocation", replay["replay_of"] === invocationId, `replay_of ${invocationId}`, replay);
done("replayInvocation", text("replayInvocation", replay, "invocation_id"));

// 8. An assistant message's tool calls, answered as the tool messages to append to the conversation.
const toolCalls = ok(
  "runToolCalls",
  await client.POST("/v1/agents/{agentId}/tool-calls", {
    params: { path: { agentId } },
    body: {
      message: {
        tool_calls: [
          {
            id: "call_walk_1",
            type: "function",
            function: { name: "lookup_customer", arguments: JSON.stringify({ phone: "+14155550123" }) },
          },
        ],
      },
      call: { id: "call-contract-2" },
    },
  }),
  200,
);
const message = toolCalls.messages[0];
expect(
  "runToolCalls",
  toolCalls.messages.length === 1 && message?.role === "tool" && message?.tool_call_id === "call_walk_1",
  "one tool message answering call_walk_1",
  toolCalls,
);
expect("runToolCalls", toolCalls.results[0]?.status === "ok", 'result status "ok"', toolCalls);
done("runToolCalls", text("runToolCalls", toolCalls.results[0], "invocation_id"));

// 9. A dry-run test fire: the rendered request and the egress verdict, nothing sent.
const fire = ok(
  "testFireTool",
  await client.POST("/v1/agents/{agentId}/tools/{toolId}/test", {
    params: { path: { agentId, toolId } },
    body: { arguments: { phone: "+14155550123" }, dry_run: true },
  }),
  200,
);
expect(
  "testFireTool",
  fire.dry_run === true && fire.request?.method === "POST" && fire.result === null,
  "a dry run with the rendered POST and no result",
  fire,
);
done("testFireTool", fire.request?.url ?? "");

console.log("walk complete");
