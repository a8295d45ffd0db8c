/**
 * `npm run openapi`: writes docs/openapi.json, the API document generated from the contract's
 * schemas (packages/contract) and the routes' access rules. openapi-file.test.ts fails when
 * the file in the repository is older than the code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiText } from './openapi-file.js';

const out = join(import.meta.dirname, '../../../../docs/openapi.json');
writeFileSync(out, openApiText());
console.log(`Đã ghi ${out}`);
