import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { CSRF_HEADER, CurrentUser } from '@kunna/contracts';
import { FIXTURE_PASSWORD, FixturePersonKey } from '../../api/src/test-support/fixture';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';

/**
 * Property-based fuzzing of every write endpoint in the OpenAPI document (/api/docs-json), so new
 * endpoints are fuzzed as soon as they exist. Bodies are built from each operation's schema with
 * hostile values mixed in: wrong types, huge strings, unusual unicode, negative and non-integer
 * numbers, null, unknown and missing fields, ids of other organisations and non-ids in the path.
 *
 * Properties: no answer is a 5xx, and a refused request (4xx) leaves the database exactly as it was.
 * Changes are noticed by row triggers on every table that log each inserted, deleted or really changed row
 * (see `installChangeLog`), so a check costs one indexed read instead of hashing every table twice per
 * request; the audit log, the sign-in throttle and session activity times may change on a refusal by
 * design and are left out.
 *
 * `KUNNA_FUZZ_RUNS` sets the runs per endpoint (default 20); the number of requests is printed. Each
 * endpoint has a fixed seed (from its method and path), so CI runs are reproducible and a new endpoint
 * does not change the others' inputs; `KUNNA_FUZZ_SEED=<n>` explores other inputs (a failure prints its seed).
 */
const RUNS_PER_ENDPOINT = Number(process.env['KUNNA_FUZZ_RUNS'] ?? 20);
const EXTRA_SEED = Number(process.env['KUNNA_FUZZ_SEED'] ?? 0);

function seedOf(text: string): number {
  let hash = EXTRA_SEED | 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
type Method = (typeof WRITE_METHODS)[number];
type Caller = 'anonymous' | Extract<FixturePersonKey, 'adminA' | 'hrA' | 'coordinator' | 'managerU1'>;
const CALLERS: Caller[] = ['adminA', 'hrA', 'coordinator', 'managerU1', 'anonymous'];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

jest.setTimeout(30 * 60_000);

describe('fuzzing every write endpoint from the OpenAPI document', () => {
  let t: TestApp;
  let owner: Client;
  const sessions = new Map<Caller, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    t = await createTestApp();
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
    await installChangeLog(owner);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  async function signIn(caller: Exclude<Caller, 'anonymous'>): Promise<void> {
    await owner.query(`delete from sign_in_throttle`);
    const response = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people[caller].email, password: FIXTURE_PASSWORD });
    if (response.status !== 200) throw new Error(`sign-in as ${caller}: ${response.status}`);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
    sessions.set(caller, { cookie, csrf: (response.body as CurrentUser).csrfToken });
  }

  /** The newest change logged so far: a refused request must leave it where it was. */
  const lastChange = async (): Promise<number> => Number((await owner.query(`select coalesce(max(id), 0) as id from fuzz_change`)).rows[0].id);
  const changesAfter = async (id: number): Promise<string> =>
    ((await owner.query(`select operation || ' ' || table_name as line from fuzz_change where id > $1 order by id`, [id])).rows as Array<{ line: string }>)
      .map((row) => row.line)
      .join('\n');

  // The property below is only as good as the change log: it must see a committed change of any column and
  // no rolled-back one, and ignore a write that leaves the row as it was.
  it('notices committed changes and nothing else', async () => {
    const start = await lastChange();
    const organisation = t.fixture.orgA;
    await owner.query('begin');
    await owner.query(`update organisation set name = name || ' x' where id = $1`, [organisation]);
    await owner.query('rollback');
    await owner.query(`update organisation set name = name where id = $1`, [organisation]);
    expect(await lastChange()).toBe(start);
    await owner.query(`update organisation set name = name || ' x' where id = $1`, [organisation]);
    await owner.query(`update organisation set name = left(name, -2) where id = $1`, [organisation]);
    expect(await changesAfter(start)).toBe('UPDATE organisation\nUPDATE organisation');
  });

  it('answers every generated request without a 5xx and changes nothing when it refuses', async () => {
    const document = (await t.http().get('/api/docs-json')).body as OpenApi;
    const ids = fixtureIds(t.fixture, new Set(CALLERS.filter(isPerson).map((caller) => t.fixture.people[caller].id)));
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      WRITE_METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] as Operation })),
    );
    expect(operations.length).toBeGreaterThan(30);
    for (const caller of CALLERS) if (isPerson(caller)) await signIn(caller);

    const firstChange = await lastChange();
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const { path, method, operation } of operations) {
      const requestArbitrary = fc.record({
        caller: fc.constantFrom(...CALLERS),
        path: pathArbitrary(path, operation, ids),
        body: bodyArbitrary(bodySchema(operation, document), document, ids),
      });
      await fc.assert(
        fc.asyncProperty(requestArbitrary, async ({ caller, path: url, body }) => {
          const before = await lastChange();
          let test = request(t.app.getHttpServer())[method](url).set('Content-Type', 'application/json');
          const session = caller === 'anonymous' ? undefined : sessions.get(caller);
          if (session) test = test.set('Cookie', session.cookie).set(CSRF_HEADER, session.csrf);
          const response = await (body === undefined ? test : test.send(JSON.stringify(body)));
          requests++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const where = `${method.toUpperCase()} ${url} as ${caller} with ${JSON.stringify(body)?.slice(0, 300)}`;
          if (response.status >= 500) throw new Error(`${response.status} for ${where}: ${JSON.stringify(response.body)}`);
          if (response.status >= 400) {
            if ((await lastChange()) !== before) {
              throw new Error(`refused with ${response.status} but the database changed: ${where}\n${await changesAfter(before)}`);
            }
          }
          // A successful write may have ended the caller's own session (signing out): sign in again.
          if (
            isPerson(caller) &&
            response.status < 400 &&
            (
              await t
                .http()
                .get('/api/auth/me')
                .set('Cookie', session?.cookie ?? '')
            ).status === 401
          ) {
            await signIn(caller);
          }
        }),
        { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true, seed: seedOf(`${method} ${path}`) },
      );
    }
    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    process.stdout.write(`\nFuzzing: ${requests} requests to ${operations.length} write endpoints (${summary})\n`);
    expect(requests).toBe(operations.length * RUNS_PER_ENDPOINT);
    // The accepted writes went through the API's own role: the log saw them, so it would see a refused one.
    expect(await lastChange()).toBeGreaterThan(firstChange);
  });
});

describe('prototype-pollution keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  // Found by the fuzzing above: a nested {"constructor": {"prototype": …}} crashed class-transformer (500).
  it('refuses __proto__, constructor and prototype keys at any depth with 400', async () => {
    const hr = await t.as('hrA');
    for (const payload of [
      '{"personId":"x","endDate":{"constructor":{"prototype":{"polluted":true}}}}',
      '{"__proto__":{"isAdmin":true}}',
      '{"unitIds":[{"prototype":1}]}',
    ]) {
      const response = await hr.post('/api/ambassadors/appointments').set('Content-Type', 'application/json').send(payload);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('Förfrågan är inte giltig JSON.');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

function isPerson(caller: Caller): caller is Exclude<Caller, 'anonymous'> {
  return caller !== 'anonymous';
}

/** Every id in the fixture (of organisation A, B and the network), except the fuzzing callers' own. */
function fixtureIds(value: unknown, exclude: Set<string>, found = new Set<string>()): string[] {
  if (typeof value === 'string' && UUID.test(value) && !exclude.has(value)) found.add(value);
  else if (value && typeof value === 'object') for (const inner of Object.values(value)) fixtureIds(inner, exclude, found);
  return [...found].sort();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hostile values of every kind, for any field or as the whole body. */
function hostile(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -2_147_483_648, max: -1 }),
    fc.constantFrom(0, -0.5, 1e308, -1e308, 2 ** 53 + 1, 3.5),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u202e',
      '<script>alert(1)</script>',
      "' or 1=1 --",
      '2026-02-30',
      '9999-99-99',
      '../../etc/passwd',
      '00000000-0000-0000-0000-000000000000',
      '💥'.repeat(5000),
      'x'.repeat(200_000),
    ),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
    fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
  );
}

function resolve(schema: Schema | undefined, document: OpenApi): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], document);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], document);
  return schema;
}

function bodySchema(operation: Operation, document: OpenApi): Schema | undefined {
  const content = operation.requestBody?.content;
  if (!content) return undefined;
  return resolve((content['application/json'] ?? Object.values(content)[0])?.schema, document);
}

/** A plausible value for `schema` (so validation gets past the easy fields), with ids from the fixture. */
function plausible(schema: Schema | undefined, document: OpenApi, ids: string[], name: string, depth: number): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  if (!resolved || depth > 3) return hostile();
  if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
  const options = resolved.oneOf ?? resolved.anyOf;
  if (options?.length) return fc.oneof(...options.map((option) => plausible(option, document, ids, name, depth + 1)));
  switch (resolved.type) {
    case 'string':
      if (resolved.format === 'uuid' || /id$/i.test(name)) return ids.length ? fc.constantFrom(...ids) : fc.uuid();
      if (resolved.format === 'date' || /date$/i.test(name)) return fc.constantFrom('2026-01-15', '2025-06-30', '2027-12-31');
      if (resolved.format === 'date-time') return fc.constantFrom('2026-11-24T08:00:00.000Z', '2026-12-01T13:30:00.000Z');
      if (resolved.format === 'email' || /email/i.test(name)) return fc.constantFrom('fuzz@test.example', 'a@b.example');
      return fc.string({ minLength: 1, maxLength: Math.min(resolved.maxLength ?? 30, 30) });
    case 'integer':
      return fc.integer({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(resolved.items, document, ids, name, depth + 1), { maxLength: 3 });
    default:
      if (resolved.properties) return objectArbitrary(resolved, document, ids, depth + 1);
      return hostile();
  }
}

/** Each declared field: plausible (most often), hostile, or missing; sometimes an unknown field as well. */
function objectArbitrary(schema: Schema, document: OpenApi, ids: string[], depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {}).map(([key, fieldSchema]) =>
    fc
      .oneof(
        { weight: 6, arbitrary: plausible(fieldSchema, document, ids, key, depth).map((value) => ({ present: true, value })) },
        { weight: 3, arbitrary: hostile().map((value) => ({ present: true, value })) },
        { weight: 1, arbitrary: fc.constant({ present: false, value: undefined }) },
      )
      .map((field) => [key, field] as const),
  );
  const unknown = fc.option(fc.tuple(fc.constantFrom('isAdmin', 'organisationId', 'id', 'role', '__proto__'), hostile()), { freq: 4 });
  return fc.tuple(fc.tuple(...fields), unknown).map(([entries, extra]) => {
    const body: Record<string, unknown> = {};
    for (const [key, field] of entries) if (field.present) body[key] = field.value;
    if (extra && !(extra[0] in body)) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return body;
  });
}

function bodyArbitrary(schema: Schema | undefined, document: OpenApi, ids: string[]): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostile() });
  return fc.oneof({ weight: 8, arbitrary: plausible(schema, document, ids, 'body', 0) }, { weight: 2, arbitrary: hostile() });
}

/** Path parameters: fixture ids (own and other organisations), random uuids, and non-ids. */
function pathArbitrary(path: string, operation: Operation, ids: string[]): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const value = fc.oneof(
    { weight: 6, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('..', '%', '-1', '0', 'x'.repeat(3000))) },
  );
  return fc
    .tuple(
      fc.array(value, { minLength: names.length, maxLength: names.length }),
      fc.array(fc.option(value), { minLength: query.length, maxLength: query.length }),
    )
    .map(([values, queryValues]) => {
      let url = path;
      names.forEach((name, index) => (url = url.replace(`{${name}}`, encodeURIComponent(values[index] || 'x'))));
      const search = query
        .map((name, index) => (queryValues[index] === null ? null : `${encodeURIComponent(name)}=${encodeURIComponent(String(queryValues[index]))}`))
        .filter((part): part is string => part !== null);
      return search.length ? `${url}?${search.join('&')}` : url;
    });
}

/**
 * Row triggers on every table (the audit log, the sign-in throttle and a session's last activity left out, as
 * they change on refusals by design) that log each insert, delete, truncate and each update that really
 * changes a row into `fuzz_change`. The log is written in the request's own transaction, so a write that is
 * rolled back leaves no entry, exactly as it leaves no change. The trigger function runs as the owner
 * (security definer), since the API's role may not write the log and row-level security would hide it.
 */
async function installChangeLog(owner: Client): Promise<void> {
  await owner.query(`
    create table fuzz_change (id bigserial primary key, table_name text not null, operation text not null);
    create function fuzz_note_change() returns trigger language plpgsql security definer set search_path = public as $$
    begin
      insert into fuzz_change (table_name, operation) values (tg_table_name, tg_op);
      return null;
    end $$;`);
  const tables = (
    await owner.query(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          and c.relname not in ('migrations', 'audit_log', 'sign_in_throttle', 'fuzz_change')
        order by 1`,
    )
  ).rows as Array<{ name: string }>;
  expect(tables.length).toBeGreaterThan(20);
  for (const { name } of tables) {
    const table = `"${name}"`;
    const ignored = IGNORED_COLUMNS[name];
    const changed = ignored ? await changedApartFrom(owner, name, ignored) : 'old.* is distinct from new.*';
    await owner.query(`
      create trigger fuzz_change_rows after insert or delete on ${table} for each row execute function fuzz_note_change();
      create trigger fuzz_change_updates after update on ${table} for each row when (${changed}) execute function fuzz_note_change();
      create trigger fuzz_change_truncate after truncate on ${table} for each statement execute function fuzz_note_change();`);
  }
}

/** Columns that change on every request, refused or not: a session's last activity. */
const IGNORED_COLUMNS: Record<string, string> = { auth_session: 'last_seen_at' };

/** A trigger condition comparing every column of `table` except `ignored`. */
async function changedApartFrom(owner: Client, table: string, ignored: string): Promise<string> {
  const columns = (
    await owner.query(
      `select quote_ident(column_name) as name from information_schema.columns
        where table_schema = 'public' and table_name = $1 and column_name <> $2 order by ordinal_position`,
      [table, ignored],
    )
  ).rows as Array<{ name: string }>;
  const row = (alias: string) => `row(${columns.map((column) => `${alias}.${column.name}`).join(', ')})`;
  return `${row('old')} is distinct from ${row('new')}`;
}
