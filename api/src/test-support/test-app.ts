import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { CSRF_HEADER, CurrentUser } from '@kunna/contracts';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';
import { Db, Tenant } from '../database/db';
import { createTestDatabase, TestDatabase } from './test-database';
import { Fixture, FIXTURE_PASSWORD, FixturePersonKey, loadFixture } from './fixture';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  fixture: Fixture;
  http: () => ReturnType<typeof request>;
  /**
   * Runs `work` (a service called directly) in a transaction with organisation A's tenant, or another:
   * outside a request nothing is visible without one (row-level security).
   */
  inTenant<T>(work: () => Promise<T>, tenant?: Tenant): Promise<T>;
  /** A signed-in client for a fixture person: cookie kept, CSRF header added to unsafe requests. */
  as(person: FixturePersonKey): Promise<SignedInClient>;
  close(): Promise<void>;
}

export interface SignedInClient {
  user: CurrentUser;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

/**
 * The whole API on a fresh database with the tenant fixture loaded. The job worker is off unless `env` turns
 * it on: tests run due jobs themselves (`t.app.get(JobWorker).runDue()`), so nothing runs behind their back.
 */
export async function createTestApp(env: Record<string, string> | ((fixture: Fixture) => Record<string, string>) = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const fixture = await loadFixture(db.url);
  // A function when the settings name fixture ids (e.g. the organisation single sign-on signs into).
  if (typeof env === 'function') env = env(fixture);
  const config = { ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent', KUNNA_JOBS_WORKER: 'false', ...env }), databaseUrl: db.url };
  const app = await createApp(config, db.url);
  const server = app.getHttpServer();
  const signedIn = new Map<FixturePersonKey, SignedInClient>();

  const as = async (key: FixturePersonKey): Promise<SignedInClient> => {
    const cached = signedIn.get(key);
    if (cached) return cached;
    const response = await request(server).post('/api/auth/sign-in').send({ identifier: fixture.people[key].email, password: FIXTURE_PASSWORD });
    if (response.status !== 200) throw new Error(`sign-in as ${key} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
    const user = response.body as CurrentUser;
    const withAuth = (test: request.Test, unsafe: boolean) => {
      test.set('Cookie', cookies.join('; '));
      if (unsafe) test.set(CSRF_HEADER, user.csrfToken);
      return test;
    };
    const client: SignedInClient = {
      user,
      get: (path) => withAuth(request(server).get(path), false),
      post: (path, body) => withAuth(request(server).post(path), true).send(body ?? {}),
      put: (path, body) => withAuth(request(server).put(path), true).send(body ?? {}),
      patch: (path, body) => withAuth(request(server).patch(path), true).send(body ?? {}),
      delete: (path) => withAuth(request(server).delete(path), true),
    };
    signedIn.set(key, client);
    return client;
  };

  return {
    app,
    db,
    fixture,
    http: () => request(server),
    inTenant: (work, tenant) => app.get(Db).transaction(() => work(), tenant ?? { organisationId: fixture.orgA, personId: null, networkId: fixture.networkId }),
    as,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** One query on the test database as its owner (outside the app and its row-level security), for setup and assertions. */
export async function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A download's body as bytes, whatever its type (`.buffer(true).parse(asBytes)`): CSV with its BOM, XLSX. */
export function asBytes(response: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
