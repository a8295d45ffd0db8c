import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustListJson } from '@thonghanh/core';

/** The public example vectors of the format, as copied into the core's tests. */
export const FIXTURES_DIR = join(import.meta.dirname, '../packages/core/test/fixtures/permit-v1');

export interface PermitFixture {
  alg: 'EdDSA' | 'ES256';
  origin: string;
  /** The QR text. */
  text: string;
  coseHex: string;
  /** The time the example is meant to be verified at (ISO 8601). */
  verifyAt: string;
}

export type FixtureName = 'reference-permit' | 'minimal-permit' | 'unit-credential' | 'reference-permit-es256';

export function loadFixture(name: FixtureName): PermitFixture {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as PermitFixture;
}

export function loadTrustJson(): TrustListJson {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'trust.json'), 'utf8')) as TrustListJson;
}
