// Toolgate's signatures checked by verifiers nobody at Toolgate wrote: Stripe's official Node library
// (webhooks.signature.verifyHeader) and the Standard Webhooks reference library. The requests are the
// vectors in testdata/signature-vectors.json, signed by Toolgate's own RequestSigner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

let Stripe;
let Webhook;
try {
  Stripe = (await import('stripe')).default;
  ({ Webhook } = await import('standardwebhooks'));
} catch (cause) {
  throw new Error('the interop packages are missing: run scripts/setup (npm ci in examples/interop)', { cause });
}

const vectors = JSON.parse(readFileSync(new URL('../../testdata/signature-vectors.json', import.meta.url), 'utf8')).vectors;

/** The raw payload as a tenant's framework hands it over: the body bytes, or "<METHOD> <target>". */
function payloadOf(v) {
  return v.body_base64 === null ? `${v.method} ${v.target}` : Buffer.from(v.body_base64, 'base64');
}

function header(v, name) {
  const key = Object.keys(v.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : v.headers[key];
}

/**
 * Where Stripe's verifier is knowingly more lenient or stricter than Toolgate's kits; asserted as they are,
 * so a change in Stripe's library shows up here. Everywhere else Stripe accepts exactly the valid vectors.
 */
const STRIPE_DIFFERS = {
  'toolgate/future-dated': 'accepts: Stripe checks only that a timestamp is not too old, never that it is in the future',
  'toolgate/duplicate-timestamp': 'accepts: Stripe takes the last t= entry instead of refusing a header with two',
};

for (const v of vectors.filter((x) => x.scheme === 'toolgate')) {
  test(`Stripe verifyHeader: ${v.name}`, () => {
    const accepted = v.secrets.some((secret) => {
      try {
        return Stripe.webhooks.signature.verifyHeader(payloadOf(v), header(v, 'X-Toolgate-Signature'), secret,
          v.tolerance_seconds, undefined, v.now * 1000);
      } catch (e) {
        if (e.type !== 'StripeSignatureVerificationError') throw e;
        return false;
      }
    });
    const differs = STRIPE_DIFFERS[v.name];
    const expected = differs ? differs.startsWith('accepts') : v.expect === 'valid';
    assert.equal(accepted, expected, differs ?? `kits say ${v.expect}`);
  });
}

for (const v of vectors.filter((x) => x.scheme === 'standard_webhooks')) {
  test(`standardwebhooks Webhook.verify: ${v.name}`, (t) => {
    assert.equal(v.tolerance_seconds, 300, 'the library has a fixed 5-minute tolerance');
    t.mock.method(Date, 'now', () => v.now * 1000);
    const accepted = v.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(payloadOf(v), v.headers, { jsonParse: false });
        return true;
      } catch (e) {
        if (e.name !== 'WebhookVerificationError') throw e;
        return false;
      }
    });
    assert.equal(accepted, v.expect === 'valid', `kits say ${v.expect}`);
  });
}

test('both libraries saw vectors, valid and tampered', () => {
  for (const scheme of ['toolgate', 'standard_webhooks']) {
    const names = vectors.filter((x) => x.scheme === scheme).map((x) => x.name);
    assert.ok(names.some((n) => n.endsWith('/envelope')) && names.some((n) => n.endsWith('/tampered-body')), scheme);
  }
});
