import { randomUUID } from 'node:crypto';
import Ajv, { ValidateFunction } from 'ajv';
import type { Express } from 'express';
import { Endpoint, EndpointName, Endpoints, endpointKey } from '@kunna/contracts';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';
import { COMMON_ERRORS, ENDPOINT_EXTENSION } from '../../api/src/openapi/response-contract';
import responseSchemas from '../../api/src/openapi/response-schemas.json';
import { MATRIX, MatrixRequest, RouteKey, WHO } from './authorization-matrix';
import { newPerson } from './people-test-helpers';
import { registeredRoutes } from './support/registered-routes';

interface Operation {
  [ENDPOINT_EXTENSION]?: string;
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const DOCUMENT_ID = 'kunna-openapi';

/**
 * The whole contract: every route Nest registers is declared in the endpoint table (libs/contracts/src/endpoints.ts)
 * and listed in the OpenAPI document with its success response's schema and its error responses; and what the API
 * really answers validates against those schemas (every declared field present, nothing undeclared), for a GET of
 * every route the authorization matrix can call in its own scope, the matrix's refused writes (ApiError) and a sample
 * of real writes.
 */
describe('response contract (endpoint table, OpenAPI document, real answers)', () => {
  let t: TestApp;
  let document: OpenApi;
  let ajv: Ajv;
  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http().get('/api/docs-json')).body as OpenApi;
    // Only the generated response schemas, as the served document has them: the request DTOs' schemas (Nest's, with
    // OpenAPI 3.0 keywords) are not what this test checks.
    ajv = new Ajv({ allErrors: true, strict: true });
    const ours = Object.fromEntries(Object.keys(responseSchemas.schemas).map((name) => [name, document.components.schemas[name]]));
    ajv.addSchema(qualify({ definitions: ours }), DOCUMENT_ID);
  });
  afterAll(async () => {
    await t?.close();
  });

  const table = Object.entries(Endpoints) as Array<[EndpointName, Endpoint]>;
  const tableKeys = () => table.map(([, endpoint]) => endpointKey(endpoint)).sort();

  it('declares every registered route once in the endpoint table, and no route that does not exist', () => {
    const registered: string[] = registeredRoutes(t.app.getHttpAdapter().getInstance() as Express);
    const declared = tableKeys();
    expect(registered.filter((route) => !declared.includes(route))).toEqual([]);
    expect(declared.filter((route) => !registered.includes(route))).toEqual([]);
    expect(declared.filter((route, i) => declared.indexOf(route) !== i)).toEqual([]);
  });

  it('lists every registered route in the OpenAPI document with its success response and schema, and its errors', () => {
    expect(document.openapi).toBe('3.1.0');
    const registered = registeredRoutes(t.app.getHttpAdapter().getInstance() as Express);
    const problems: string[] = [];
    for (const route of registered) {
      const [method, path] = route.split(' ');
      const operation = document.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
      const name = operation?.[ENDPOINT_EXTENSION] as EndpointName | undefined;
      if (!operation || !name) {
        problems.push(`${route}: not in the document with an endpoint table entry`);
        continue;
      }
      const { response, errors } = Endpoints[name] as Endpoint;
      const success = operation.responses?.[String(response.status)];
      if (!success) problems.push(`${route}: no ${response.status} response`);
      const hasBody = response.body !== undefined || (response.media ?? []).length > 0;
      if (hasBody && !success?.content) problems.push(`${route}: ${response.status} without a schema`);
      for (const [type, media] of Object.entries(success?.content ?? {})) {
        if (!media.schema) problems.push(`${route}: ${response.status} ${type} without a schema`);
      }
      if (response.body && !success?.content?.['application/json']?.schema) problems.push(`${route}: no JSON schema`);
      for (const status of [...errors, ...COMMON_ERRORS]) {
        const schema = operation.responses?.[String(status)]?.content?.['application/json']?.schema;
        const body = (Endpoints[name] as Endpoint).errorBodies?.[status] ?? 'ApiError';
        if (!schema || JSON.stringify(schema) !== JSON.stringify({ $ref: `#/components/schemas/${body}` })) {
          problems.push(`${route}: error ${status} without the ${body} schema`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every operation in the document has a response beyond Nest's default (it is in the table).
    const untabled = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => !operation[ENDPOINT_EXTENSION])
        .map(([method]) => `${method} ${path}`),
    );
    expect(untabled).toEqual([]);
  });

  it('keeps the generated schemas as generated (no request DTO schema of the same name)', () => {
    const clashes = Object.entries(responseSchemas.schemas)
      .filter(([name, schema]) => JSON.stringify(document.components.schemas[name]) !== JSON.stringify(schema))
      .map(([name]) => name);
    expect(clashes).toEqual([]);
  });

  it('catches a missing and an undeclared field (the schemas are strict)', async () => {
    const me = (await (await t.as('hrA')).get('/api/auth/me')).body as Record<string, unknown>;
    expect(validateBody('auth.me', 200, me)).toBeUndefined();
    const { csrfToken: _missing, ...withoutField } = me;
    expect(validateBody('auth.me', 200, withoutField)).toMatch(/must have required property 'csrfToken'/);
    expect(validateBody('auth.me', 200, { ...me, passwordHash: 'x' })).toMatch(/must NOT have additional properties/);
  });

  const matrixRoutes = Object.entries(MATRIX) as Array<[RouteKey, (typeof MATRIX)[RouteKey]]>;

  // One test per route: each signs in as every role the matrix allows in its own scope.
  describe('GETs of every route the matrix calls in its own scope answer bodies that match their schemas', () => {
    const validated = new Set<string>();
    it.each(matrixRoutes.filter(([route]) => route.startsWith('GET ')))('%s', async (route, spec) => {
      const name = nameOf(route);
      const endpoint = Endpoints[name] as Endpoint;
      const problems: string[] = [];
      for (const who of spec.public ? [undefined] : spec.own) {
        const req = spec.request(t.fixture, 'own', who ?? 'staff');
        const response = who ? await (await t.as(WHO[who])).get(withQuery(req)) : await t.http().get(withQuery(req));
        const problem = check(name, response.status, response.headers['content-type'], response.body);
        if (problem) problems.push(`as ${who ?? 'anonymous'} (${response.status}): ${problem}`);
        else if (response.status === endpoint.response.status && endpoint.response.body) validated.add(name);
      }
      expect(problems).toEqual([]);
    });

    it('checked a body for nearly every GET (the rest: redirects, downloads, a made-up id)', () => {
      const gets = table.filter(([, endpoint]) => endpoint.method === 'GET' && endpoint.response.body).length;
      expect(validated.size).toBeGreaterThanOrEqual(gets - 3);
    });
  });

  // Staff own almost nothing: most writes, aimed at another organisation's objects, answer 403, 404 or 400 to them.
  describe('the matrix’s writes refused to staff answer ApiError bodies', () => {
    let refused = 0;
    const writes = matrixRoutes.filter(([route, spec]) => !route.startsWith('GET ') && !spec.freshSession);
    it.each(writes)('%s', async (route, spec) => {
      const method = route.split(' ')[0].toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
      const req = spec.request(t.fixture, 'other', 'staff');
      const response = await (await t.as(WHO.staff))[method](withQuery(req), req.body);
      if (response.status < 400) return;
      refused++;
      expect(check(nameOf(route), response.status, response.headers['content-type'], response.body)).toBeUndefined();
    });

    it('refused most of them', () => {
      expect(refused).toBeGreaterThan(50);
    });
  });

  // The matrix's writes pass the guard and mostly fail validation (400) or change something harmless (2xx).
  describe('the matrix’s writes by a role allowed in its own scope answer their declared status and schema', () => {
    // Kiosk routes are for a kiosk credential only (no person may call them: `own` is empty).
    const writes = matrixRoutes.filter(([route, spec]) => !route.startsWith('GET ') && !spec.freshSession && !spec.public && spec.own.length > 0);
    const succeeded: string[] = [];
    it.each(writes)('%s', async (route, spec) => {
      const method = route.split(' ')[0].toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
      const who = spec.own[0];
      const req = spec.request(t.fixture, 'own', who);
      const response = await (await t.as(WHO[who]))[method](withQuery(req), req.body);
      expect(check(nameOf(route), response.status, response.headers['content-type'], response.body)).toBeUndefined();
      if (response.status < 300) succeeded.push(route);
    });

    it('saw some of them succeed (their success bodies checked too)', () => {
      // 15 when written: disabling and enabling people, library, checks, calendar feeds, notifications.
      expect(succeeded.length).toBeGreaterThanOrEqual(10);
    });
  });

  it('answers real writes across features with bodies that match their schemas', async () => {
    const signIn = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people.managerU1.email, password: FIXTURE_PASSWORD });
    expect(check('auth.signIn', signIn.status, signIn.headers['content-type'], signIn.body)).toBeUndefined();
    expect(signIn.status).toBe(200);

    const manager = await t.as('managerU1');
    const created = await manager.post('/api/people', newPerson(t.fixture.unitU1));
    expect(created.status).toBe(201);
    expect(check('people.create', created.status, created.headers['content-type'], created.body)).toBeUndefined();

    const language = await manager.put('/api/auth/language', { preferredLanguage: 'en' });
    expect(language.status).toBe(200);
    expect(check('auth.setLanguage', language.status, language.headers['content-type'], language.body)).toBeUndefined();

    // Attendance (refused before the session's day would be a declared error, still checked), then the list with it.
    const ambassador = await t.as('ambassadorU1');
    const session = t.fixture.sessions.sessionU1;
    const mark = { id: randomUUID(), personId: t.fixture.people.staffU1.id, status: 'present', recordedAt: new Date().toISOString() };
    const marked = await ambassador.post(`/api/sessions/${session}/attendance`, { marks: [mark] });
    expect(check('sessions.recordAttendance', marked.status, marked.headers['content-type'], marked.body)).toBeUndefined();
    const attendance = await ambassador.get(`/api/sessions/${session}/attendance`);
    expect(attendance.status).toBe(200);
    expect(check('sessions.attendance', attendance.status, attendance.headers['content-type'], attendance.body)).toBeUndefined();
  });

  /** Undefined when the answer matches the endpoint's declared status and schema (or a declared error), else why not. */
  function check(name: EndpointName, status: number, contentType: string | undefined, body: unknown): string | undefined {
    const endpoint = Endpoints[name] as Endpoint;
    if (status >= 400) {
      if (![...endpoint.errors, ...COMMON_ERRORS].includes(status as never)) return `status ${status} is not declared`;
      return validateBody(name, status, body);
    }
    if (status !== endpoint.response.status) return `status ${status}, declared ${endpoint.response.status}`;
    if (!endpoint.response.body) return undefined;
    if (!contentType?.startsWith('application/json')) {
      return (endpoint.response.media ?? []).some((type) => contentType?.startsWith(type)) ? undefined : `content type ${contentType}`;
    }
    return validateBody(name, status, body);
  }

  function validateBody(name: EndpointName, status: number, body: unknown): string | undefined {
    const validate = validatorFor(name, status);
    if (validate(body)) return undefined;
    return (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (error) =>
          `body${error.instancePath} ${error.message}${error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : ''}`,
      )
      .join(', ');
  }

  const validators = new Map<string, ValidateFunction>();
  function validatorFor(name: EndpointName, status: number): ValidateFunction {
    const key = `${name} ${status}`;
    let validate = validators.get(key);
    if (!validate) {
      const endpoint = Endpoints[name] as Endpoint;
      const [method, path] = endpointKey(endpoint).split(' ');
      const operation = document.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
      const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${name}: no schema for ${status} in the document`);
      validate = ajv.compile(qualify(schema));
      validators.set(key, validate);
    }
    return validate;
  }

  function nameOf(route: string): EndpointName {
    const found = table.find(([, endpoint]) => endpointKey(endpoint) === route);
    if (!found) throw new Error(`${route} is not in the endpoint table`);
    return found[0];
  }
});

/** Points the document's references (`#/components/schemas/…`) at the schemas registered for ajv as `definitions`. */
function qualify(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${DOCUMENT_ID}#/definitions/`)) as object;
}

function withQuery(req: MatrixRequest): string {
  return req.query ? `${req.path}?${new URLSearchParams(req.query).toString()}` : req.path;
}
