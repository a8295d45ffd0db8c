/** Test helper: the public example vectors of the permit format (packages/core/test/fixtures/permit-v1). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../core/test/fixtures/permit-v1/', import.meta.url));

export const FIXTURE_NAMES = [
  'reference-permit',
  'minimal-permit',
  'unit-credential',
  'reference-permit-es256',
] as const;

export interface Fixture {
  origin: string;
  text: string;
  verifyAt: string;
}

export function fixture(name: (typeof FIXTURE_NAMES)[number]): Fixture {
  const json = JSON.parse(readFileSync(`${FIXTURE_DIR}${name}.json`, 'utf8')) as Fixture;
  return { origin: json.origin, text: json.text, verifyAt: json.verifyAt };
}
