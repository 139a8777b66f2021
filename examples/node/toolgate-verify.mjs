// Verifies Toolgate request signatures (docs/signing.md). Node.js standard library only.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DEFAULT_TOLERANCE_SECONDS = 300;
const MAX_TIMESTAMP_DIGITS = 12;

/** A refused request. `reason` is one of MISSING_HEADER, MALFORMED_HEADER, NO_SUPPORTED_SIGNATURE,
 *  NO_MATCHING_SIGNATURE, TIMESTAMP_TOO_OLD, TIMESTAMP_IN_FUTURE; the message never holds a secret. */
export class SignatureVerificationError extends Error {
  constructor(reason, message) {
    super(message);
    this.name = 'SignatureVerificationError';
    this.reason = reason;
  }
}

/** True for the methods Toolgate sends without a body; their signed payload is `<METHOD> <target>`. */
export function signsTarget(method) {
  return ['GET', 'HEAD', 'DELETE'].includes(String(method).toUpperCase());
}

/**
 * Verifies one request and returns { scheme, timestamp, secretIndex }, or throws SignatureVerificationError.
 * scheme: 'toolgate' | 'standard_webhooks'; secrets: the tool's secrets (any matches);
 * headers: an object of header name -> value (any case; Node's req.headers works);
 * body: the raw body as a Buffer, or null for a bodyless request, whose payload is `${method} ${target}`
 * (target = the raw request target, e.g. req.url); toleranceSeconds: default 300; now: unix seconds.
 */
export function verify({ scheme = 'toolgate', secrets, headers, body, method, target,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() / 1000 }) {
  if (!Array.isArray(secrets) || secrets.length === 0) throw new TypeError('at least one signing secret is required');
  const keys = secrets.map((secret, i) => secretKey(scheme, secret, i));
  const lower = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  const payload = body == null ? Buffer.from(`${method} ${target}`, 'utf8') : Buffer.from(body);

  let timestamp, signatures, prefix, encoding;
  if (scheme === 'toolgate') {
    const header = required(lower, 'x-toolgate-signature', 'X-Toolgate-Signature');
    signatures = [];
    for (const item of header.split(',')) {
      const entry = trimSpaces(item);
      const eq = entry.indexOf('=');
      if (eq < 0) throw new SignatureVerificationError('MALFORMED_HEADER', "X-Toolgate-Signature has an entry without '='");
      const key = entry.slice(0, eq);
      const value = entry.slice(eq + 1);
      if (key === 't') {
        if (timestamp !== undefined) throw new SignatureVerificationError('MALFORMED_HEADER', 'X-Toolgate-Signature has more than one t= entry');
        timestamp = parseTimestamp(value, 'X-Toolgate-Signature t=');
      } else if (key === 'v1') {
        signatures.push(value);
      }
    }
    if (timestamp === undefined) throw new SignatureVerificationError('MALFORMED_HEADER', 'X-Toolgate-Signature has no t= entry');
    if (signatures.length === 0) throw new SignatureVerificationError('NO_SUPPORTED_SIGNATURE', 'X-Toolgate-Signature has no v1= signature');
    prefix = `${timestamp}.`;
    encoding = 'hex';
  } else if (scheme === 'standard_webhooks') {
    const id = required(lower, 'webhook-id', 'webhook-id');
    const timestampText = required(lower, 'webhook-timestamp', 'webhook-timestamp');
    const header = required(lower, 'webhook-signature', 'webhook-signature');
    timestamp = parseTimestamp(trimSpaces(timestampText), 'webhook-timestamp');
    signatures = [];
    for (const entry of header.split(' ').filter((e) => e !== '')) {
      const comma = entry.indexOf(',');
      if (comma < 0) throw new SignatureVerificationError('MALFORMED_HEADER', "webhook-signature has an entry without ','");
      if (entry.slice(0, comma) === 'v1') signatures.push(entry.slice(comma + 1));
    }
    if (signatures.length === 0) throw new SignatureVerificationError('NO_SUPPORTED_SIGNATURE', 'webhook-signature has no v1 signature');
    prefix = `${id}.${timestamp}.`;
    encoding = 'base64';
  } else {
    throw new TypeError(`unknown signature scheme: ${scheme}`);
  }

  const content = Buffer.concat([Buffer.from(prefix, 'utf8'), payload]);
  const secretIndex = keys.findIndex((key) => {
    const expected = Buffer.from(createHmac('sha256', key).update(content).digest(encoding), 'utf8');
    return signatures.some((candidate) => {
      const given = Buffer.from(candidate, 'utf8');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  });
  if (secretIndex < 0) {
    throw new SignatureVerificationError('NO_MATCHING_SIGNATURE',
      'no signature matches a signing secret: wrong secret, or the request was altered (verify the raw body bytes)');
  }
  const nowSeconds = Math.floor(now);
  if (nowSeconds - timestamp > toleranceSeconds) {
    throw new SignatureVerificationError('TIMESTAMP_TOO_OLD', `the signed timestamp is ${nowSeconds - timestamp} s old`);
  }
  if (timestamp - nowSeconds > toleranceSeconds) {
    throw new SignatureVerificationError('TIMESTAMP_IN_FUTURE', `the signed timestamp is ${timestamp - nowSeconds} s in the future`);
  }
  return { scheme, timestamp, secretIndex };
}

function secretKey(scheme, secret, index) {
  if (typeof secret !== 'string' || secret.trim() === '') throw new TypeError(`signing secret #${index} is blank`);
  if (scheme !== 'standard_webhooks') return Buffer.from(secret, 'utf8');
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new TypeError(`signing secret #${index} is not whsec_<base64>`);
  }
  return Buffer.from(encoded, 'base64');
}

function required(lower, key, name) {
  const value = lower[key];
  if (value == null || trimSpaces(String(value)) === '') {
    throw new SignatureVerificationError('MISSING_HEADER', `the request has no ${name} header`);
  }
  return String(value);
}

function parseTimestamp(text, what) {
  if (!new RegExp(`^[0-9]{1,${MAX_TIMESTAMP_DIGITS}}$`).test(text)) {
    throw new SignatureVerificationError('MALFORMED_HEADER', `${what} is not a unix timestamp in seconds`);
  }
  return Number.parseInt(text, 10);
}

function trimSpaces(text) {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
