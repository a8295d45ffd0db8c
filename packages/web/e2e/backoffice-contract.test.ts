/**
 * Some of the back office's response shapes are still mirrored by hand (the `interface`s of
 * lib/api-types.ts; the others are `z.infer` of packages/contract and need no check). This
 * checks each mirrored interface against the OpenAPI document the real server serves, so a
 * renamed or added field shows up here and not as an empty cell on a screen. Remove a row
 * when its type becomes an alias of the contract.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackoffice, startBackoffice, WEB_DIR } from './backoffice-harness.js';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
}

interface OpenApi {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
}

/** Interface → where the API returns it (method, path template, and the list inside, if any). */
const CONTRACT: Array<[string, 'get' | 'post', string, 'items' | null]> = [
  ['StaffMember', 'get', '/api/v1/businesses/{id}/staff', 'items'],
  ['ImportResult', 'post', '/api/v1/dossiers/{id}/staff/import', null],
];

const source = readFileSync(join(WEB_DIR, 'src/backoffice/lib/api-types.ts'), 'utf8');

/** The field names of `export interface Name [extends Base] { … }`, with the base's. */
function interfaceKeys(name: string): Set<string> {
  const m = new RegExp(`export interface ${name}(?: extends (\\w+))? \\{([\\s\\S]*?)\\n\\}`).exec(source);
  if (!m) throw new Error(`no interface ${name} in api-types.ts`);
  const keys = new Set([...(m[2] as string).matchAll(/^ {2}(\w+)\??:/gm)].map((k) => k[1] as string));
  if (m[1]) for (const k of interfaceKeys(m[1])) keys.add(k);
  return keys;
}

function propertiesOf(schema: JsonSchema): Set<string> {
  const keys = new Set(Object.keys(schema.properties ?? {}));
  for (const part of schema.allOf ?? []) for (const k of propertiesOf(part)) keys.add(k);
  return keys;
}

let server: RunningBackoffice;
let doc: OpenApi;

beforeAll(async () => {
  server = await startBackoffice();
  doc = (await (await fetch(`${server.origin}/api/openapi.json`)).json()) as OpenApi;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the screens’ view of the API matches the OpenAPI document', () => {
  it.each(CONTRACT)('%s (%s %s)', (name, method, path, list) => {
    const op = doc.paths[path]?.[method];
    expect(op, `${method.toUpperCase()} ${path} is in the API`).toBeDefined();
    const ok = Object.entries(op?.responses ?? {}).find(([code]) => code.startsWith('2'))?.[1];
    let schema = ok?.content?.['application/json']?.schema as JsonSchema;
    if (list) schema = schema.properties?.[list]?.items as JsonSchema;
    const api = [...propertiesOf(schema)].sort();
    const web = [...interfaceKeys(name)].sort();
    expect(web).toEqual(api);
  });
});
