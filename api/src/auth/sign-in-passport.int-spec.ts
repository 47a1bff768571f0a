import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { createTestApp, TestApp } from '../test-support/test-app';

/**
 * Each application has its own passport with its own strategies: a second Kunna application in the same
 * process (as in the two-process tests) neither replaces the first one's `local` strategy nor, once closed,
 * leaves the first checking passwords through its closed database pool.
 */
describe('sign-in strategies per application (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in on the first application after a second one in the same process started and closed', async () => {
    const second: INestApplication = await createApp(
      { ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent', KUNNA_JOBS_WORKER: 'false' }), databaseUrl: t.db.url },
      t.db.url,
    );
    const person = t.fixture.people.staffU1;
    const onSecond = await request(second.getHttpServer()).post('/api/auth/sign-in').send({ identifier: person.email, password: FIXTURE_PASSWORD });
    expect(onSecond.status).toBe(200);
    await second.close();

    const onFirst = await t.http().post('/api/auth/sign-in').send({ identifier: person.email, password: FIXTURE_PASSWORD });
    expect(onFirst.status).toBe(200);
    expect(onFirst.body.personId).toBe(person.id);
    const wrong = await t.http().post('/api/auth/sign-in').send({ identifier: person.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Fel inloggningsuppgifter.');
  });
});
