// A complete Toolgate tool endpoint, Node.js standard library only: verifies the signature, checks the
// bearer token, reads the arguments (envelope or arguments mode) and answers with a hint.
// Run: TOOLGATE_SIGNING_SECRETS=tgsec_... TOOLGATE_BEARER_TOKEN=... node server.mjs
import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { signsTarget, verify, SignatureVerificationError } from './toolgate-verify.mjs';

const MAX_BODY_BYTES = 1 << 20;
const ORDERS = {
  'A-1001': { status: 'shipped', eta: 'Friday' },
  'A-1002': { status: 'being packed', eta: 'next Tuesday' },
};
const UNAUTHORIZED = { error: 'Unauthorized', hint: 'Apologize and say you cannot look that up right now; offer a callback.' };
const FAILED = { error: 'Lookup failed', hint: 'Apologize and offer a callback.' };

/**
 * Handles one request: { method, target, headers, body (Buffer) } -> { status, body (object) }.
 * config: { scheme, secrets, bearerToken, toleranceSeconds?, now?: () => unix seconds, log? }.
 */
export function handle(request, config) {
  const log = config.log ?? ((line) => console.error(line));
  const bodyless = signsTarget(request.method);
  try {
    verify({
      scheme: config.scheme, secrets: config.secrets, headers: request.headers,
      body: bodyless ? null : request.body, method: request.method, target: request.target,
      toleranceSeconds: config.toleranceSeconds, now: config.now ? config.now() : undefined,
    });
  } catch (e) {
    if (!(e instanceof SignatureVerificationError)) throw e;
    log(`signature rejected: ${e.reason}: ${e.message}`);
    return { status: 401, body: UNAUTHORIZED };
  }
  if (!bearerMatches(headerValue(request.headers, 'authorization'), config.bearerToken)) {
    log('bearer token rejected');
    return { status: 401, body: UNAUTHORIZED };
  }
  const args = bodyless ? Object.fromEntries(new URL(request.target, 'http://endpoint').searchParams) : jsonArguments(request.body);
  if (args === null) return { status: 400, body: { error: 'Bad request', hint: 'Apologize and offer a callback.' } };
  return { status: 200, body: lookupOrder(args) };
}

/** The envelope's `arguments`, or the body itself in arguments mode; null if the body is not a JSON object. */
function jsonArguments(body) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const envelope = typeof parsed.tool === 'string' && typeof parsed.invocation_id === 'string'
    && parsed.arguments !== null && typeof parsed.arguments === 'object';
  return envelope ? parsed.arguments : parsed;
}

function lookupOrder(args) {
  const id = typeof args.order_id === 'string' ? args.order_id.trim().toUpperCase() : '';
  if (id === '') return { error: 'Missing order number', hint: 'Ask the caller for their order number; it starts with A.' };
  const order = ORDERS[id];
  if (!order) return { error: 'Order not found', hint: 'Ask the caller to read the order number again, one character at a time.' };
  return { order_id: id, status: order.status, eta: order.eta, hint: `Tell the caller order ${id} is ${order.status} and should arrive ${order.eta}.` };
}

function headerValue(headers, name) {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  return undefined;
}

/** Compares in constant time, through digests of equal length. */
function bearerMatches(authorization, token) {
  const digest = (text) => createHash('sha256').update(String(text ?? '')).digest();
  return authorization !== undefined && timingSafeEqual(digest(authorization), digest(`Bearer ${token}`));
}

/** Returns an http.Server serving handle(); the caller listens. */
export function createServer(config) {
  return http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      let reply;
      try {
        reply = size > MAX_BODY_BYTES ? { status: 413, body: FAILED }
          : handle({ method: req.method, target: req.url, headers: req.headers, body: Buffer.concat(chunks) }, config);
      } catch (e) {
        console.error(`handler failed: ${e.stack}`);
        reply = { status: 500, body: FAILED };
      }
      res.writeHead(reply.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
}

/** Reads the configuration from the environment (see README.md). */
export function configFromEnv(env) {
  const secrets = (env.TOOLGATE_SIGNING_SECRETS ?? '').split(/[\s,]+/).filter(Boolean);
  if (secrets.length === 0 || !env.TOOLGATE_BEARER_TOKEN) {
    throw new Error('set TOOLGATE_SIGNING_SECRETS and TOOLGATE_BEARER_TOKEN');
  }
  return { scheme: env.TOOLGATE_SIGNATURE_SCHEME || 'toolgate', secrets, bearerToken: env.TOOLGATE_BEARER_TOKEN };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = configFromEnv(process.env);
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 8080);
  createServer(config).listen(port, host, () => console.log(`listening on http://${host}:${port}`));
}
