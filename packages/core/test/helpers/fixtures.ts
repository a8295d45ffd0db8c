/** The public example vectors under test/fixtures, typed. */
import { readFileSync } from 'node:fs';
import type { ClaimsJson, TrustListJson } from '../../src/index.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

export const readFixture = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;

/** A COSE working group example (cose-wg/Examples): only the members the tests read. */
export interface CoseWgVector {
  title: string;
  fail?: boolean;
  input: {
    plaintext?: string;
    plaintext_hex?: string;
    sign0: {
      key: { kty: string; crv: string; x?: string; y?: string; x_hex?: string; y_hex?: string };
      alg: string;
      external?: string;
    };
  };
  intermediates: { ToBeSign_hex: string };
  output: { cbor: string };
}

/** A permit example of permit-v1/ (README there). */
export interface PermitExample {
  description: string;
  alg: 'EdDSA' | 'ES256';
  privateJwk:
    | { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string }
    | { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string };
  claims: ClaimsJson;
  claimsCborHex: string;
  coseHex: string;
  origin: string;
  text: string;
  verifyAt: string;
  expect: { verdict: string; warnings: string[] };
}

export const PERMIT_EXAMPLES = [
  'reference-permit.json',
  'minimal-permit.json',
  'unit-credential.json',
  'reference-permit-es256.json',
] as const;

export const permitExample = (name: string): PermitExample => readFixture<PermitExample>(`permit-v1/${name}`);
export const exampleTrust = (): TrustListJson => readFixture<TrustListJson>('permit-v1/trust.json');
