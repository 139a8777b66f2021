// Reads testdata/signature-vectors.json, generated from Toolgate's own signer.
import { readFileSync } from 'node:fs';

export const vectors = JSON.parse(readFileSync(new URL('../../testdata/signature-vectors.json', import.meta.url), 'utf8')).vectors;

export function vector(name) {
  const found = vectors.find((v) => v.name === name);
  if (!found) throw new Error(`no vector ${name}`);
  return found;
}

export function bodyOf(v) {
  return v.body_base64 === null ? null : Buffer.from(v.body_base64, 'base64');
}
