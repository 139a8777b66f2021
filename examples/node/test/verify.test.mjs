import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verify, signsTarget, SignatureVerificationError } from '../toolgate-verify.mjs';
import { vectors, bodyOf } from '../vectors.mjs';

for (const v of vectors) {
  test(`vector ${v.name}`, () => {
    assert.equal(signsTarget(v.method), v.body_base64 === null, 'bodyless exactly for GET/HEAD/DELETE');
    let outcome;
    try {
      const result = verify({ scheme: v.scheme, secrets: v.secrets, headers: v.headers, body: bodyOf(v),
        method: v.method, target: v.target, toleranceSeconds: v.tolerance_seconds, now: v.now });
      assert.equal(result.scheme, v.scheme);
      outcome = 'valid';
    } catch (e) {
      if (!(e instanceof SignatureVerificationError)) throw e;
      outcome = e.reason;
    }
    assert.equal(outcome, v.expect);
  });
}

test('a failure message never holds the secret', () => {
  const v = vectors.find((x) => x.name === 'toolgate/tampered-body');
  assert.throws(() => verify({ scheme: v.scheme, secrets: v.secrets, headers: v.headers, body: bodyOf(v), now: v.now }),
    (e) => e.reason === 'NO_MATCHING_SIGNATURE' && !e.message.includes(v.secrets[0]));
});

test('the default tolerance is 300 s', () => {
  const v = vectors.find((x) => x.name === 'toolgate/envelope');
  const args = { scheme: v.scheme, secrets: v.secrets, headers: v.headers, body: bodyOf(v) };
  assert.equal(verify({ ...args, now: v.now + 300 }).secretIndex, 0);
  assert.throws(() => verify({ ...args, now: v.now + 301 }), (e) => e.reason === 'TIMESTAMP_TOO_OLD');
});
