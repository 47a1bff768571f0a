/**
 * Writes the JSON Schemas of the API's response bodies (api/src/openapi/response-schemas.json) from the contracts:
 * `npm run contracts:schemas` after changing a response type or the endpoint table (libs/contracts/src/endpoints.ts).
 * api/src/openapi/response-schemas.spec.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatResponseSchemas, generateResponseSchemas, RESPONSE_SCHEMAS_FILE } from '../api/src/test-support/contract-schemas.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemas = generateResponseSchemas(root);
writeFileSync(join(root, RESPONSE_SCHEMAS_FILE), formatResponseSchemas(schemas));
console.log(`${RESPONSE_SCHEMAS_FILE}: ${Object.keys(schemas.responses).length} response types, ${Object.keys(schemas.schemas).length} schemas`);
