import type { OpenAPIObject } from '@nestjs/swagger';
import { API_PREFIX, Endpoint, EndpointName, Endpoints, ErrorStatus } from '@kunna/contracts';
import responseSchemas from './response-schemas.json';

type Schema = Record<string, unknown>;
type Operation = { responses?: Record<string, unknown>; [key: string]: unknown };

/** The extension naming an operation's entry in the endpoint table (libs/contracts/src/endpoints.ts). */
export const ENDPOINT_EXTENSION = 'x-kunna-endpoint';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid request: a field, a malformed id or a rule (`details` names the fields).',
  401: 'No valid session.',
  403: 'Not allowed for the caller’s roles, or the CSRF token is missing.',
  404: 'Not found, or outside the caller’s scope.',
  409: 'Conflicts with the current state.',
  413: 'The upload is too large.',
  422: 'Refused as a whole; the body lists every problem.',
  429: 'Too many attempts; try again later.',
  503: 'The database is busy or unavailable; try again later.',
};

const SUCCESS_DESCRIPTIONS: Record<Endpoint['response']['status'], string> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no body.',
  302: 'A redirect (`Location`); no body.',
};

/**
 * Adds every operation's responses to the OpenAPI document from the endpoint table: the success status with the
 * JSON Schema of its body (generated from the contracts, `npm run contracts:schemas`) and each declared error status
 * with `ApiError`. An operation missing from the table keeps what Nest gave it (no schema): the API still starts
 * (routes are added in parallel work), and e2e/api/response-contract.e2e-spec.ts fails until the table has it.
 */
export function addResponseContract(document: OpenAPIObject): OpenAPIObject {
  const byKey = new Map<string, EndpointName>();
  for (const [name, endpoint] of Object.entries(Endpoints) as Array<[EndpointName, Endpoint]>) {
    byKey.set(`${endpoint.method.toLowerCase()} /${API_PREFIX}/${endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}')}`, name);
  }
  const schemas = ((document.components ??= {}).schemas ??= {});
  for (const [name, schema] of Object.entries(responseSchemas.schemas)) {
    // Nest's request DTO schemas are named after their classes (…Dto); a clash is reported by the contract test.
    schemas[name] ??= schema as never;
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const name = byKey.get(`${method} ${path}`);
      if (!operation || !name) continue;
      const endpoint: Endpoint = Endpoints[name];
      operation[ENDPOINT_EXTENSION] = name;
      operation.responses = { ...successResponse(endpoint), ...errorResponses(endpoint) };
    }
  }
  return document;
}

/** The schema of a success body, as the document lists it (a reference into `components.schemas`, or a list of one). */
export function responseBodySchema(endpoint: Endpoint): Schema | undefined {
  const { body, array } = endpoint.response;
  if (!body) return undefined;
  const schema = (responseSchemas.responses as Record<string, Schema>)[body];
  return array ? { type: 'array', items: schema } : schema;
}

function successResponse(endpoint: Endpoint): Record<string, unknown> {
  const { status, media = [] } = endpoint.response;
  const content: Record<string, { schema: Schema }> = {};
  const json = responseBodySchema(endpoint);
  if (json) content['application/json'] = { schema: json };
  for (const type of media) content[type] = { schema: { type: 'string', format: 'binary' } };
  const response: Record<string, unknown> = { description: SUCCESS_DESCRIPTIONS[status] };
  if (Object.keys(content).length > 0) response['content'] = content;
  if (status === 302) response['headers'] = { Location: { schema: { type: 'string' } } };
  return { [status]: response };
}

/** Every route may answer these without declaring them (the database busy or down). */
export const COMMON_ERRORS: readonly ErrorStatus[] = [503];

function errorResponses(endpoint: Endpoint): Record<string, unknown> {
  return Object.fromEntries(
    [...endpoint.errors, ...COMMON_ERRORS].map((status) => {
      const body = endpoint.errorBodies?.[status] ?? 'ApiError';
      const schema = (responseSchemas.responses as Record<string, Schema>)[body];
      return [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema } } }];
    }),
  );
}
