import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Endpoints, ResponseTypes } from '@kunna/contracts';
import { formatResponseSchemas, generateResponseSchemas, RESPONSE_SCHEMAS_FILE } from '../test-support/contract-schemas';

const root = join(__dirname, '../../..');

/**
 * The committed response schemas are generated from the contracts; a changed response type or endpoint table without
 * `npm run contracts:schemas` would leave the OpenAPI document describing the old shapes.
 */
describe('response schemas (api/src/openapi/response-schemas.json)', () => {
  it('are what the contracts generate now (run `npm run contracts:schemas` when this fails)', () => {
    const committed = readFileSync(join(root, RESPONSE_SCHEMAS_FILE), 'utf8');
    expect(committed).toBe(formatResponseSchemas(generateResponseSchemas(root)));
  });

  it('have a schema for every response body the endpoint table names', () => {
    const committed = JSON.parse(readFileSync(join(root, RESPONSE_SCHEMAS_FILE), 'utf8')) as { responses: Record<string, unknown> };
    const named = new Set(Object.values(Endpoints).flatMap((endpoint) => ('body' in endpoint.response ? [endpoint.response.body] : [])));
    expect([...named].filter((name) => !committed.responses[name])).toEqual([]);
    // ApiError is every error's body.
    expect(committed.responses['ApiError' satisfies keyof ResponseTypes]).toBeDefined();
  });
});
