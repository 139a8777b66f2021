import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handle, createServer } from '../server.mjs';
import { vector, bodyOf } from '../vectors.mjs';

const TOKEN = 'tok_example_123';

function configFor(v) {
  return { scheme: v.scheme, secrets: v.secrets, bearerToken: TOKEN, now: () => v.now, log: () => {} };
}

function requestFor(v, extra = {}) {
  return { method: v.method, target: v.target, headers: { ...v.headers, Authorization: `Bearer ${TOKEN}` },
    body: bodyOf(v) ?? Buffer.alloc(0), ...extra };
}

test('an envelope POST gets the order with a hint', () => {
  const v = vector('toolgate/envelope');
  const reply = handle(requestFor(v), configFor(v));
  assert.equal(reply.status, 200);
  assert.equal(reply.body.status, 'shipped');
  assert.match(reply.body.hint, /A-1001 is shipped/);
});

test('arguments mode: a GET reads the query, a PUT reads the body', () => {
  for (const name of ['toolgate/bodyless-get', 'toolgate/trailing-newline']) {
    const v = vector(name);
    const reply = handle(requestFor(v), configFor(v));
    assert.equal(reply.status, 200, name);
    assert.equal(reply.body.order_id, 'A-1001', name);
  }
});

test('the Standard Webhooks scheme is verified too', () => {
  const v = vector('standard-webhooks/envelope');
  assert.equal(handle(requestFor(v), configFor(v)).status, 200);
});

test('a tampered body, a wrong token or no token gets 401 with an error and a hint', () => {
  const tampered = vector('toolgate/tampered-body');
  const good = vector('toolgate/envelope');
  const replies = [
    handle(requestFor(tampered), configFor(tampered)),
    handle(requestFor(good, { headers: { ...good.headers, Authorization: 'Bearer wrong' } }), configFor(good)),
    handle(requestFor(good, { headers: good.headers }), configFor(good)),
  ];
  for (const reply of replies) {
    assert.equal(reply.status, 401);
    assert.deepEqual(Object.keys(reply.body).sort(), ['error', 'hint']);
  }
});

test('a body that is not a JSON object gets 400 with a hint', () => {
  const v = vector('toolgate/empty-body');
  const reply = handle(requestFor(v), configFor(v));
  assert.equal(reply.status, 400);
  assert.ok(reply.body.hint);
});

test('the HTTP server answers a real signed request and refuses a tampered copy', async (t) => {
  const v = vector('toolgate/envelope');
  const server = createServer(configFor(v));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}${v.target}`;
  const send = (body) => fetch(url, { method: 'POST', body, headers: { ...v.headers, Authorization: `Bearer ${TOKEN}` } });

  const ok = await send(bodyOf(v));
  assert.equal(ok.status, 200);
  assert.match((await ok.json()).hint, /shipped/);
  const tampered = Buffer.from(bodyOf(v));
  tampered[tampered.length - 3] ^= 1;
  const refused = await send(tampered);
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).error, 'Unauthorized');
});
