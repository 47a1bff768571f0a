import { Client } from 'pg';
import request from 'supertest';
import { CSRF_HEADER, CreatePersonRequest, EmploymentType, PersonDetail } from '@kunna/contracts';
import type { SignedInClient, TestApp } from '../../api/src/test-support/test-app';

/** Runs SQL against the test app's database (outside any request), for checks the API does not expose. */
export async function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Today and nearby days in the database's calendar (the one the API's date rules use). */
export async function dayOffset(t: TestApp, days: number): Promise<string> {
  const rows = await sql<{ day: string }>(t, `select (current_date + $1::int)::text as day`, [days]);
  return rows[0].day;
}

export interface FreshClient extends SignedInClient {
  cookie: string;
}

/** Signs in without the test app's session cache (for tests that end sessions or use new accounts). */
export async function signIn(t: TestApp, identifier: string, password: string, organisationId?: string): Promise<FreshClient> {
  const response = await t
    .http()
    .post('/api/auth/sign-in')
    .send({ identifier, password, ...(organisationId ? { organisationId } : {}) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return clientFromResponse(t, response);
}

export function clientFromResponse(t: TestApp, response: request.Response): FreshClient {
  const cookie = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((value) => value.split(';')[0])
    .join('; ');
  const user = response.body as FreshClient['user'];
  const unsafe = (test: request.Test) => test.set('Cookie', cookie).set(CSRF_HEADER, user.csrfToken);
  return {
    user,
    cookie,
    get: (path) => t.http().get(path).set('Cookie', cookie),
    post: (path, body) => unsafe(t.http().post(path)).send(body ?? {}),
    put: (path, body) => unsafe(t.http().put(path)).send(body ?? {}),
    patch: (path, body) => unsafe(t.http().patch(path)).send(body ?? {}),
    delete: (path) => unsafe(t.http().delete(path)),
  };
}

let sequence = 0;

/** A valid new person for `unitId`, with a unique employee number; override any field. */
export function newPerson(unitId: string, overrides: Partial<CreatePersonRequest> = {}): CreatePersonRequest {
  sequence++;
  return {
    firstName: `Ny${sequence}`,
    lastName: 'Personsson',
    employeeNumber: `N${Date.now().toString(36)}${sequence}`,
    roleTitle: 'undersköterska',
    employmentType: EmploymentType.Substitute,
    startDate: '2025-01-01',
    unitId,
    ...overrides,
  };
}

/** Creates a person through the API and returns the detail (fails the test on any other status). */
export async function createPerson(client: SignedInClient, unitId: string, overrides: Partial<CreatePersonRequest> = {}): Promise<PersonDetail> {
  const response = await client.post('/api/people', newPerson(unitId, overrides));
  if (response.status !== 201) throw new Error(`create person failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as PersonDetail;
}

export async function auditRows(t: TestApp, action: string, targetId?: string) {
  return sql<{ action: string; actor_person_id: string | null; organisation_id: string | null; target_id: string | null; details: Record<string, unknown> }>(
    t,
    `select action, actor_person_id, organisation_id, target_id, details from audit_log
      where action = $1 and ($2::text is null or target_id = $2) order by id`,
    [action, targetId ?? null],
  );
}
