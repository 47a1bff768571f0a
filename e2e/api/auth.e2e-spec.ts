import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { CSRF_HEADER, CurrentUser, SessionInfo } from '@kunna/contracts';
import { createApp } from '../../api/src/app/create-app';
import { loadConfig } from '../../api/src/config/app-config';
import { normaliseCode, sha256 } from '../../api/src/auth/tokens';
import { THROTTLE_PURPOSE } from '../../api/src/auth/throttle-keys';
import { Secrets } from '../../api/src/config/secrets';
import { appUrlFor } from '../../api/src/database/app-role';
import { PRUNE_SIGN_IN_THROTTLE } from '../../api/src/auth/auth.module';
import { JobQueue } from '../../api/src/jobs/job-queue';
import { JobWorker } from '../../api/src/jobs/job-worker';
import { Client } from 'pg';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { clientFromResponse, FreshClient, signIn, sql } from './people-test-helpers';
import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';

/**
 * Sign-in, sessions, CSRF, passwords and one-time codes through HTTP, against real PostgreSQL.
 * People that a test changes (disables, re-passwords) are created here, so the shared fixture stays intact.
 */
describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  // Every failed sign-in in this file comes from the same address: start each test with a clean slate.
  beforeEach(async () => {
    await sql(t, `delete from sign_in_throttle`);
  });

  let sequence = 0;
  /** A new person in unit U1 (or `unitId`) whose password is FIXTURE_PASSWORD (unless `account` is false). */
  async function newPerson(
    options: { organisationId?: string; unitId?: string; email?: string | null; employeeNumber?: string; account?: boolean } = {},
  ): Promise<{ id: string; email: string | null; employeeNumber: string; organisationId: string }> {
    sequence++;
    const organisationId = options.organisationId ?? t.fixture.orgA;
    const unitId = options.unitId ?? (organisationId === t.fixture.orgA ? t.fixture.unitU1 : t.fixture.unitU4);
    const employeeNumber = options.employeeNumber ?? `AUTH${sequence}${randomBytes(2).toString('hex')}`;
    const email = options.email === undefined ? `auth.person${sequence}.${randomBytes(3).toString('hex')}@test.example` : options.email;
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type, start_date)
       values ($1, $2, 'Auth', $3, $4, 'undersköterska', 'hourly', '2024-01-01') returning id`,
      [organisationId, employeeNumber, `Testperson${sequence}`, email],
    );
    await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
      organisationId,
      id,
      unitId,
    ]);
    if (options.account !== false) {
      await sql(
        t,
        `insert into credential (person_id, organisation_id, password_hash, password_changed_at)
         select $1, $2, password_hash, now() from credential where person_id = $3`,
        [id, organisationId, t.fixture.people.staffU1.id],
      );
    }
    return { id, email, employeeNumber, organisationId };
  }

  const post = (path: string) => t.http().post(path);
  const attempt = (identifier: string, password: string, organisationId?: string) =>
    post('/api/auth/sign-in').send({ identifier, password, ...(organisationId ? { organisationId } : {}) });

  /** The body without the per-request id, for comparing two answers. */
  const withoutRequestId = (body: Record<string, unknown>) => {
    const { requestId: _requestId, ...rest } = body;
    void _requestId;
    return rest;
  };

  function sessionCookie(response: request.Response): string {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((value) => /^(__Host-)?kunna_session=/.test(value));
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
    return cookie;
  }

  /** The device cookie (name=value) a successful sign-in sets. */
  function deviceCookie(response: request.Response): string {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((value) => /^(__Host-)?kunna_device=/.test(value));
    if (!cookie) throw new Error(`no device cookie in ${JSON.stringify(cookies)}`);
    return cookie.split(';')[0];
  }

  describe('sign-in', () => {
    it('signs in by e-mail (any case), sets the session cookie and returns the current user with roles', async () => {
      const manager = t.fixture.people.managerU1;
      const response = await attempt(manager.email.toUpperCase(), FIXTURE_PASSWORD);
      expect(response.status).toBe(200);
      const user = response.body as CurrentUser;
      expect(user.personId).toBe(manager.id);
      expect(user.organisationId).toBe(t.fixture.orgA);
      expect(user.organisationName).toBe('Kommun A');
      expect(user.roles).toEqual([expect.objectContaining({ role: 'manager', scopeType: 'unit', scopeId: t.fixture.unitU1, scopeName: 'Enhet U1' })]);
      expect(user.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(user.idleTimeoutSeconds).toBe(30 * 60);
      expect(response.headers['cache-control']).toContain('no-store');
      sessionCookie(response);

      const client = clientFromResponse(t, response);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.personId).toBe(manager.id);
      expect(me.body.csrfToken).toBe(user.csrfToken);

      const audit = await sql<{ action: string }>(t, `select action from audit_log where actor_person_id = $1 and action = 'auth.sign_in'`, [manager.id]);
      expect(audit.length).toBeGreaterThanOrEqual(1);
    });

    it('ignores spaces around the identifier', async () => {
      const response = await attempt(`  ${t.fixture.people.hrA.email}  `, FIXTURE_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body.personId).toBe(t.fixture.people.hrA.id);
    });

    it('signs in by employee number together with the organisation', async () => {
      const noEmail = await newPerson({ email: null });
      const response = await attempt(noEmail.employeeNumber, FIXTURE_PASSWORD, t.fixture.orgA);
      expect(response.status).toBe(200);
      expect(response.body.personId).toBe(noEmail.id);
    });

    it('an employee number alone (no organisation) does not sign in: numbers are unique per organisation only', async () => {
      const noEmail = await newPerson({ email: null });
      const response = await attempt(noEmail.employeeNumber, FIXTURE_PASSWORD);
      expect(response.status).toBe(401);
    });

    it('the same employee number in two organisations signs each person into their own organisation', async () => {
      const number = `DUP${randomBytes(3).toString('hex')}`;
      const inA = await newPerson({ email: null, employeeNumber: number });
      const inB = await newPerson({ email: null, employeeNumber: number, organisationId: t.fixture.orgB });
      const intoA = await attempt(number, FIXTURE_PASSWORD, t.fixture.orgA);
      const intoB = await attempt(number, FIXTURE_PASSWORD, t.fixture.orgB);
      expect(intoA.status).toBe(200);
      expect(intoB.status).toBe(200);
      expect(intoA.body.personId).toBe(inA.id);
      expect(intoB.body.personId).toBe(inB.id);
      expect(intoB.body.organisationId).toBe(t.fixture.orgB);
    });

    it("an employee number with another organisation's id is refused like any wrong credential", async () => {
      const noEmail = await newPerson({ email: null });
      const response = await attempt(noEmail.employeeNumber, FIXTURE_PASSWORD, t.fixture.orgB);
      expect(response.status).toBe(401);
    });

    it('an e-mail used in two organisations asks for the organisation, and signs in with it', async () => {
      const email = `shared.${randomBytes(3).toString('hex')}@test.example`;
      const inA = await newPerson({ email });
      const inB = await newPerson({ email, organisationId: t.fixture.orgB });
      // Both have the same password: the organisation decides.
      const ambiguous = await attempt(email, FIXTURE_PASSWORD);
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.code).toBe('organisationRequired');
      expect((await attempt(email, FIXTURE_PASSWORD, t.fixture.orgA)).body.personId).toBe(inA.id);
      expect((await attempt(email, FIXTURE_PASSWORD, t.fixture.orgB)).body.personId).toBe(inB.id);
    });

    it('an e-mail used in two organisations does not reveal that to someone without the password', async () => {
      const email = `shared.${randomBytes(3).toString('hex')}@test.example`;
      await newPerson({ email });
      await newPerson({ email, organisationId: t.fixture.orgB });
      const wrong = await attempt(email, 'Helt-fel-lösenord-1');
      const unknown = await attempt(`nobody.${randomBytes(3).toString('hex')}@test.example`, 'Helt-fel-lösenord-1');
      expect(wrong.status).toBe(401);
      expect(withoutRequestId(wrong.body)).toEqual(withoutRequestId(unknown.body));
    });

    it('a wrong password is 401 with exactly the same answer as an unknown user (no enumeration)', async () => {
      const known = await attempt(t.fixture.people.staffU2.email, 'Helt-fel-lösenord-1');
      const unknown = await attempt(`nobody.${randomBytes(3).toString('hex')}@test.example`, 'Helt-fel-lösenord-1');
      const unknownNumber = await attempt('NO-SUCH-NUMBER', 'Helt-fel-lösenord-1', t.fixture.orgA);
      for (const response of [known, unknown, unknownNumber]) {
        expect(response.status).toBe(401);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
      expect(withoutMessageCodes(withoutRequestId(known.body))).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Fel inloggningsuppgifter.' });
      expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(known.body));
      expect(withoutRequestId(unknownNumber.body)).toEqual(withoutRequestId(known.body));
      expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    });

    it('a person without a password yet (no credential) cannot sign in, and looks like a wrong password', async () => {
      const noAccount = await newPerson({ account: false });
      const response = await attempt(noAccount.email!, FIXTURE_PASSWORD);
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('Fel inloggningsuppgifter.');
    });

    it('a disabled person cannot sign in, and their open session stops working at once', async () => {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      await sql(t, `update person set disabled_at = now() where id = $1`, [person.id]);
      const response = await attempt(person.email!, FIXTURE_PASSWORD);
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('Fel inloggningsuppgifter.');
      expect((await client.get('/api/auth/me')).status).toBe(401);
    });

    it('a person whose employment has ended cannot sign in; ending today still allows today', async () => {
      const ended = await newPerson();
      await sql(t, `update person set end_date = current_date - 1 where id = $1`, [ended.id]);
      expect((await attempt(ended.email!, FIXTURE_PASSWORD)).status).toBe(401);

      const lastDay = await newPerson();
      await sql(t, `update person set end_date = current_date where id = $1`, [lastDay.id]);
      expect((await attempt(lastDay.email!, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('a pseudonymised person cannot sign in', async () => {
      const person = await newPerson();
      await sql(t, `update person set pseudonymised_at = now() where id = $1`, [person.id]);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(401);
    });

    it('records failed sign-ins in the audit log without the password', async () => {
      const person = await newPerson();
      await attempt(person.email!, 'Mitt-hemliga-fel-1');
      const rows = await sql<{ details: Record<string, unknown> }>(
        t,
        `select details from audit_log where action = 'auth.sign_in_failed' and actor_person_id = $1`,
        [person.id],
      );
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows[0])).not.toContain('Mitt-hemliga-fel-1');
    });
  });

  describe('throttling', () => {
    it('locks the account after 5 failures: 429 with Retry-After and a Swedish message, even with the right password', async () => {
      const person = await newPerson();
      for (let i = 1; i <= 5; i++) {
        const response = await attempt(person.email!, `Fel-lösenord-${i}x`);
        expect(response.status).toBe(401);
      }
      const locked = await attempt(person.email!, FIXTURE_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('lockedOut');
      expect(locked.body.message).toBe('För många misslyckade inloggningar. Försök igen om 1 minut eller be din chef om en ny kod.');
      expect(Number(locked.headers['retry-after'])).toBe(60);
      expect(locked.headers['set-cookie']).toBeUndefined();
    });

    it('delays progressively instead of locking for 15 minutes at once: 1 minute, doubling with each further failure, at most 15', async () => {
      const person = await newPerson();
      for (let i = 1; i <= 5; i++) expect((await attempt(person.email!, `Fel-lösenord-${i}x`)).status).toBe(401);
      const waits: number[] = [];
      for (let round = 0; round < 6; round++) {
        const locked = await attempt(person.email!, FIXTURE_PASSWORD);
        expect(locked.status).toBe(429);
        waits.push(Number(locked.headers['retry-after']));
        // The wait passes; the next try is wrong again.
        await sql(t, `update sign_in_throttle set locked_until = now() - interval '1 second' where locked_until is not null`);
        expect((await attempt(person.email!, `Fel-lösenord-igen-${round}`)).status).toBe(401);
      }
      expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
    });

    it('locks an unknown identifier the same way (no enumeration through the lock-out)', async () => {
      const unknown = `nobody.${randomBytes(3).toString('hex')}@test.example`;
      for (let i = 1; i <= 5; i++) expect((await attempt(unknown, `Fel-lösenord-${i}x`)).status).toBe(401);
      const locked = await attempt(unknown, 'Fel-lösenord-6x');
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('lockedOut');
    });

    it('a success before the limit resets the count', async () => {
      const person = await newPerson();
      for (let i = 1; i <= 4; i++) expect((await attempt(person.email!, `Fel-lösenord-${i}x`)).status).toBe(401);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(200);
      for (let i = 1; i <= 4; i++) expect((await attempt(person.email!, `Fel-lösenord-${i}x`)).status).toBe(401);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('the lock is per account: another person can still sign in from the same address', async () => {
      const victim = await newPerson();
      for (let i = 1; i <= 5; i++) await attempt(victim.email!, `Fel-lösenord-${i}x`);
      expect((await attempt(victim.email!, FIXTURE_PASSWORD)).status).toBe(429);
      const colleague = await newPerson();
      expect((await attempt(colleague.email!, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('naming an organisation does not give an e-mail address five more tries', async () => {
      const person = await newPerson();
      for (let i = 1; i <= 5; i++) await attempt(person.email!, `Fel-lösenord-${i}x`);
      expect((await attempt(person.email!, FIXTURE_PASSWORD, t.fixture.orgA)).status).toBe(429);
      expect((await attempt(person.email!.toUpperCase(), FIXTURE_PASSWORD, t.fixture.orgB)).status).toBe(429);
    });

    it('a look-alike letter in the e-mail (İ, U+0130, for i) neither signs in nor escapes the lock-out', async () => {
      const fresh = await newPerson({ email: `lisa.${randomBytes(3).toString('hex')}@test.example` });
      const lookAlike = fresh.email!.replace('i', '\u0130');
      expect((await attempt(lookAlike, FIXTURE_PASSWORD)).status).toBe(401);

      const person = await newPerson({ email: `lisa.${randomBytes(3).toString('hex')}@test.example` });
      for (let i = 1; i <= 5; i++) expect((await attempt(person.email!, `Fel-lösenord-${i}x`)).status).toBe(401);
      expect((await attempt(person.email!.replace('i', '\u0130'), FIXTURE_PASSWORD)).status).not.toBe(200);
      // Compatibility forms (full-width letters) are the same identifier, and the same lock.
      const fullWidth = person.email!.replace('l', '\uFF4C');
      expect((await attempt(fullWidth, FIXTURE_PASSWORD)).status).toBe(429);
    });

    it('failures count per person whichever identifier is typed: e-mail and employee number share one limit', async () => {
      const person = await newPerson();
      for (let i = 1; i <= 3; i++) expect((await attempt(person.email!, `Fel-lösenord-${i}x`)).status).toBe(401);
      for (let i = 4; i <= 5; i++) expect((await attempt(person.employeeNumber, `Fel-lösenord-${i}x`, t.fixture.orgA)).status).toBe(401);
      expect((await attempt(person.employeeNumber, FIXTURE_PASSWORD, t.fixture.orgA)).status).toBe(429);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(429);
    });

    it('a device where the person signed in before keeps working while failures from elsewhere lock the account', async () => {
      const person = await newPerson();
      const first = await attempt(person.email!, FIXTURE_PASSWORD);
      expect(first.status).toBe(200);
      const device = deviceCookie(first);
      // Someone elsewhere guesses: the account is locked for every other device…
      for (let i = 1; i <= 5; i++) expect((await attempt(person.email!, `Fel-lösenord-${i}x`)).status).toBe(401);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(429);
      expect((await attempt(person.employeeNumber, FIXTURE_PASSWORD, t.fixture.orgA)).status).toBe(429);
      // …but not for the person's own device.
      const own = await post('/api/auth/sign-in').set('Cookie', device).send({ identifier: person.email, password: FIXTURE_PASSWORD });
      expect(own.status).toBe(200);
      expect(own.body.personId).toBe(person.id);
    });

    it('a known device answers for its own wrong passwords, and a forged or altered device cookie exempts nothing', async () => {
      const person = await newPerson();
      const device = deviceCookie(await attempt(person.email!, FIXTURE_PASSWORD));
      const fromDevice = (password: string, cookie = device) => post('/api/auth/sign-in').set('Cookie', cookie).send({ identifier: person.email, password });
      for (let i = 1; i <= 5; i++) expect((await fromDevice(`Fel-lösenord-${i}x`)).status).toBe(401);
      expect((await fromDevice(FIXTURE_PASSWORD)).status).toBe(429);

      const other = await newPerson();
      const otherDevice = deviceCookie(await attempt(other.email!, FIXTURE_PASSWORD));
      for (let i = 1; i <= 5; i++) await attempt(other.email!, `Fel-lösenord-${i}x`);
      const [name, value] = otherDevice.split('=');
      const parts = value.split('.');
      // Naming another person in the cookie without the signature, or a made-up cookie: the account lock holds.
      const altered = `${name}=${[parts[0], parts[1], person.id, parts[3], parts[4]].join('.')}`;
      const forged = `${name}=v1.abc.${other.id}.9999999999.${'A'.repeat(43)}`;
      for (const cookie of [altered, forged]) {
        expect((await post('/api/auth/sign-in').set('Cookie', cookie).send({ identifier: other.email, password: FIXTURE_PASSWORD })).status).toBe(429);
      }
      expect((await post('/api/auth/sign-in').set('Cookie', otherDevice).send({ identifier: other.email, password: FIXTURE_PASSWORD })).status).toBe(200);
    });

    it('keeps no e-mail, employee number or address in clear, and the API’s own database role cannot read the table', async () => {
      const person = await newPerson();
      expect((await attempt(person.email!, 'Fel-lösenord-1x')).status).toBe(401);
      expect((await attempt(person.employeeNumber, 'Fel-lösenord-2x', t.fixture.orgA)).status).toBe(401);
      const keys = (await sql<{ key: string }>(t, `select key from sign_in_throttle`)).map((row) => row.key);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const key of keys) {
        expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(key).not.toContain(person.email!);
        expect(key.toLowerCase()).not.toContain(person.employeeNumber.toLowerCase());
      }
      const hashed = (key: string) => t.app.get(Secrets).mac(THROTTLE_PURPOSE, key);
      expect(keys).toEqual(expect.arrayContaining([hashed(`person:${person.id}`), hashed(`id:*:${person.email}`)]));
      const app = new Client({ connectionString: appUrlFor(t.db.url) });
      await app.connect();
      try {
        expect((await app.query(`select count(*)::int as n from sign_in_throttle`)).rows[0].n).toBe(0);
      } finally {
        await app.end();
      }
    });

    it('forgets runs that are no longer remembered (hourly job), but never a lock in force', async () => {
      await sql(
        t,
        `insert into sign_in_throttle (key, failures, window_start, locked_until) values
           ('old-run', 3, now() - interval '25 hours', null),
           ('old-but-locked', 9, now() - interval '25 hours', now() + interval '10 minutes'),
           ('recent-run', 2, now() - interval '2 hours', null)`,
      );
      // pg-boss's cron sends the hourly job (jobs.int-spec.ts checks the schedule); here it is sent now.
      await t.app.get(JobQueue).enqueue(PRUNE_SIGN_IN_THROTTLE, {});
      expect(await t.app.get(JobWorker).runDue()).toBe(1);
      const left = (await sql<{ key: string }>(t, `select key from sign_in_throttle order by key`)).map((row) => row.key);
      expect(left).toEqual(['old-but-locked', 'recent-run']);
    });

    it('is kept in the database: a second API process sees the same lock', async () => {
      const person = await newPerson();
      const second = await createApp({ ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent' }), databaseUrl: t.db.url }, t.db.url);
      try {
        for (let i = 1; i <= 3; i++) await attempt(person.email!, `Fel-lösenord-${i}x`);
        for (let i = 4; i <= 5; i++) {
          await request(second.getHttpServer())
            .post('/api/auth/sign-in')
            .send({ identifier: person.email, password: `Fel-lösenord-${i}x` });
        }
        const locked = await request(second.getHttpServer()).post('/api/auth/sign-in').send({ identifier: person.email, password: FIXTURE_PASSWORD });
        expect(locked.status).toBe(429);
        expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(429);
      } finally {
        await second.close();
      }
    });

    it('ends when the lock time has passed', async () => {
      const person = await newPerson();
      for (let i = 1; i <= 5; i++) await attempt(person.email!, `Fel-lösenord-${i}x`);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(429);
      await sql(t, `update sign_in_throttle set locked_until = now() - interval '1 second', window_start = now() - interval '16 minutes'`);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(200);
    });
  });

  describe('throttling by address (behind a trusted proxy)', () => {
    let proxied: TestApp;
    beforeAll(async () => {
      proxied = await createTestApp({ TRUST_PROXY: 'true' });
    });
    afterAll(async () => {
      await proxied?.close();
    });
    const from = (ip: string, identifier: string, password: string) =>
      proxied.http().post('/api/auth/sign-in').set('X-Forwarded-For', ip).send({ identifier, password });

    it('a few people mistyping at one workplace (one shared address) do not lock out their colleagues', async () => {
      const people = ['staffU1', 'staffU2', 'staffU3', 'managerU2', 'hrA', 'adminA', 'ambassadorU1'] as const;
      for (const key of people) {
        expect((await from('203.0.113.10', proxied.fixture.people[key].email, 'Fel-lösenord-1x')).status).toBe(401);
      }
      expect((await from('203.0.113.10', proxied.fixture.people.managerU1.email, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('one address guessing many accounts is stopped, while other addresses still work', async () => {
      let lockedAt = 0;
      for (let i = 1; i <= 60; i++) {
        const response = await from('198.51.100.7', `guess${i}@test.example`, 'Fel-lösenord-1x');
        if (response.status === 429) {
          lockedAt = i;
          break;
        }
        expect(response.status).toBe(401);
      }
      expect(lockedAt).toBeGreaterThan(10);
      // A correct password from the locked address is refused too; another address is unaffected.
      expect((await from('198.51.100.7', proxied.fixture.people.staffU1.email, FIXTURE_PASSWORD)).status).toBe(429);
      expect((await from('198.51.100.8', proxied.fixture.people.staffU1.email, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('one-time code redemption is throttled per address: after 30 wrong codes even a valid code is refused (429); other addresses still redeem', async () => {
      const redeem = (ip: string, code: string) =>
        proxied.http().post('/api/auth/redeem').set('X-Forwarded-For', ip).send({ code, newPassword: 'Första-lösen-2031' });
      const valid = async () => {
        const code = 'KLMNP-QRST2'.replace(/[A-Z2-9]/g, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[randomBytes(1)[0] % 31]);
        const [{ id }] = await sql<{ id: string }>(
          proxied,
          `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
           values ($1, $2, 'Kod', 'Kodsson', 'undersköterska', 'hourly', '2024-01-01') returning id`,
          [proxied.fixture.orgA, `KOD${randomBytes(3).toString('hex')}`],
        );
        await sql(
          proxied,
          `insert into one_time_code (organisation_id, person_id, purpose, code_hash, expires_at, created_by)
           values ($1, $2, 'first_sign_in', $3, now() + interval '1 hour', $4)`,
          [proxied.fixture.orgA, id, sha256(normaliseCode(code)), proxied.fixture.people.managerU1.id],
        );
        return code;
      };
      let lockedAt = 0;
      for (let i = 1; i <= 60; i++) {
        const response = await redeem('198.51.100.77', `WRONG-${String(i).padStart(5, 'A')}`);
        if (response.status === 429) {
          lockedAt = i;
          break;
        }
        expect(response.status).toBe(404);
      }
      expect(lockedAt).toBe(31);
      const refused = await redeem('198.51.100.77', await valid());
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('lockedOut');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await redeem('198.51.100.78', await valid())).status).toBe(200);
    });

    it('a workplace address locked by guessing still lets its known devices sign their people in', async () => {
      const ip = '203.0.113.99';
      const known = await from(ip, proxied.fixture.people.staffU3.email, FIXTURE_PASSWORD);
      expect(known.status).toBe(200);
      const device = deviceCookie(known);
      for (let i = 1; i <= 30; i++) await from(ip, `spray-dos${i}@test.example`, 'Fel-lösenord-1x');
      expect((await from(ip, proxied.fixture.people.managerU2.email, FIXTURE_PASSWORD)).status).toBe(429);
      const own = await proxied
        .http()
        .post('/api/auth/sign-in')
        .set('X-Forwarded-For', ip)
        .set('Cookie', device)
        .send({ identifier: proxied.fixture.people.staffU3.email, password: FIXTURE_PASSWORD });
      expect(own.status).toBe(200);
    });

    it('a successful sign-in from an address does not wipe that address’s failure count', async () => {
      for (let i = 1; i <= 20; i++) await from('192.0.2.44', `spray${i}@test.example`, 'Fel-lösenord-1x');
      const key = proxied.app.get(Secrets).mac(THROTTLE_PURPOSE, 'ip:192.0.2.44');
      const [before] = await sql<{ failures: number }>(proxied, `select failures from sign_in_throttle where key = $1`, [key]);
      expect(before.failures).toBe(20);
      expect((await from('192.0.2.44', proxied.fixture.people.staffU2.email, FIXTURE_PASSWORD)).status).toBe(200);
      const [after] = await sql<{ failures: number }>(proxied, `select failures from sign_in_throttle where key = $1`, [key]);
      expect(after.failures).toBe(20);
    });
  });

  describe('session cookie', () => {
    it('is HttpOnly, SameSite=Lax, Path=/, without Secure on plain http', async () => {
      const cookie = sessionCookie(await attempt(t.fixture.people.staffU1.email, FIXTURE_PASSWORD));
      expect(cookie).toMatch(/^kunna_session=[A-Za-z0-9_-]{43};/);
      const attributes = cookie.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).toContain('path=/');
      expect(attributes).not.toContain('secure');
      expect(attributes.some((part) => part.startsWith('domain='))).toBe(false);
      expect(attributes.find((part) => part.startsWith('max-age='))).toBe(`max-age=${12 * 3600}`);
    });

    it('is __Host- prefixed and Secure when PUBLIC_URL is https, and only that name is accepted', async () => {
      const secure = await createTestApp({ PUBLIC_URL: 'https://kunna.alvstad.example' });
      try {
        const response = await secure.http().post('/api/auth/sign-in').send({ identifier: secure.fixture.people.staffU1.email, password: FIXTURE_PASSWORD });
        expect(response.status).toBe(200);
        const cookie = sessionCookie(response);
        expect(cookie).toMatch(/^__Host-kunna_session=/);
        const attributes = cookie.split(';').map((part) => part.trim().toLowerCase());
        expect(attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax', 'path=/']));
        expect(attributes.some((part) => part.startsWith('domain='))).toBe(false);

        const token = cookie.split(';')[0].split('=')[1];
        expect((await secure.http().get('/api/auth/me').set('Cookie', `__Host-kunna_session=${token}`)).status).toBe(200);
        // The unprefixed name (which a sibling subdomain could plant) is ignored.
        expect((await secure.http().get('/api/auth/me').set('Cookie', `kunna_session=${token}`)).status).toBe(401);

        const user = response.body as CurrentUser;
        const out = await secure.http().post('/api/auth/sign-out').set('Cookie', `__Host-kunna_session=${token}`).set(CSRF_HEADER, user.csrfToken);
        expect(out.status).toBe(204);
        const cleared = sessionCookie(out).toLowerCase();
        expect(cleared).toMatch(/^__host-kunna_session=;/);
        expect(cleared).toContain('secure');
        expect(cleared).toContain('path=/');
      } finally {
        await secure.close();
      }
    });

    it('a made-up or overlong token is simply not signed in (401)', async () => {
      expect(
        (
          await t
            .http()
            .get('/api/auth/me')
            .set('Cookie', `kunna_session=${'A'.repeat(43)}`)
        ).status,
      ).toBe(401);
      expect(
        (
          await t
            .http()
            .get('/api/auth/me')
            .set('Cookie', `kunna_session=${'A'.repeat(5000)}`)
        ).status,
      ).toBe(401);
      expect((await t.http().get('/api/auth/me')).status).toBe(401);
    });

    it('the database stores only a hash of the token', async () => {
      const response = await attempt(t.fixture.people.staffU3.email, FIXTURE_PASSWORD);
      const token = sessionCookie(response).split(';')[0].split('=')[1];
      expect(await sql(t, `select 1 from auth_session where id = $1`, [token])).toHaveLength(0);
      expect(await sql(t, `select 1 from auth_session where id = $1`, [sha256(token)])).toHaveLength(1);
    });
  });

  describe('CSRF and origin checks', () => {
    let client: FreshClient;
    beforeAll(async () => {
      client = await signIn(t, t.fixture.people.staffU2.email, FIXTURE_PASSWORD);
    });

    it('refuses an unsafe request without the X-CSRF-Token header (403)', async () => {
      const response = await t.http().put('/api/auth/password').set('Cookie', client.cookie).send({ currentPassword: 'x', newPassword: 'y' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('csrf');
      const out = await t.http().post('/api/auth/sign-out').set('Cookie', client.cookie);
      expect(out.status).toBe(403);
      // The session survived the refused sign-out.
      expect((await client.get('/api/auth/me')).status).toBe(200);
    });

    it('refuses a wrong token, and the token of another session', async () => {
      const other = await signIn(t, t.fixture.people.staffU3.email, FIXTURE_PASSWORD);
      for (const token of ['wrong', client.user.csrfToken.slice(1), other.user.csrfToken]) {
        const response = await t.http().delete('/api/auth/sessions/0000000000000000').set('Cookie', client.cookie).set(CSRF_HEADER, token);
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('csrf');
      }
    });

    it('accepts the right token', async () => {
      const response = await t.http().delete('/api/auth/sessions/0000000000000000').set('Cookie', client.cookie).set(CSRF_HEADER, client.user.csrfToken);
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Sessionen finns inte.');
    });

    it('safe methods need no token', async () => {
      expect((await t.http().get('/api/auth/sessions').set('Cookie', client.cookie)).status).toBe(200);
    });

    it('refuses sign-in posted from a foreign page (login CSRF), accepts our own origin and no origin', async () => {
      const body = { identifier: t.fixture.people.staffU3.email, password: FIXTURE_PASSWORD };
      const foreign = await post('/api/auth/sign-in').set('Origin', 'https://evil.example').send(body);
      expect(foreign.status).toBe(403);
      expect(foreign.headers['set-cookie']).toBeUndefined();
      expect((await post('/api/auth/sign-in').set('Origin', 'null').send(body)).status).toBe(403);
      expect((await post('/api/auth/sign-in').set('Origin', 'not a url').send(body)).status).toBe(403);
      expect((await post('/api/auth/sign-in').set('Sec-Fetch-Site', 'cross-site').send(body)).status).toBe(403);

      const server = t.http().post('/api/auth/sign-in');
      const own = await server.set('Origin', `http://127.0.0.1`).set('Host', '127.0.0.1').send(body);
      expect(own.status).toBe(200);
      expect((await post('/api/auth/sign-in').set('Sec-Fetch-Site', 'same-origin').send(body)).status).toBe(200);
      expect((await post('/api/auth/sign-in').send(body)).status).toBe(200);
    });

    it('accepts the configured public origin even when a proxy rewrites the Host header', async () => {
      const behindProxy = await createTestApp({ PUBLIC_URL: 'https://kunna.alvstad.example', TRUST_PROXY: 'true' });
      try {
        const body = { identifier: behindProxy.fixture.people.staffU1.email, password: FIXTURE_PASSWORD };
        const ok = await behindProxy.http().post('/api/auth/sign-in').set('Host', 'internal:8080').set('Origin', 'https://kunna.alvstad.example').send(body);
        expect(ok.status).toBe(200);
        const foreign = await behindProxy.http().post('/api/auth/sign-in').set('Host', 'internal:8080').set('Origin', 'https://kunna.evil.example').send(body);
        expect(foreign.status).toBe(403);
      } finally {
        await behindProxy.close();
      }
    });

    it('refuses code redemption from a foreign origin', async () => {
      const response = await post('/api/auth/redeem').set('Origin', 'https://evil.example').send({ code: 'ABCDE-FGHJK', newPassword: 'Nytt-lösenord-42' });
      expect(response.status).toBe(403);
    });
  });

  describe('sign-out and sessions', () => {
    it('sign-out ends the session on the server: the old cookie no longer works', async () => {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      const out = await client.post('/api/auth/sign-out');
      expect(out.status).toBe(204);
      // The browser is told to forget the cookie...
      expect(sessionCookie(out)).toMatch(/^kunna_session=;.*Expires=Thu, 01 Jan 1970/);
      // ...and a copy kept by someone else is dead too.
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect((await client.post('/api/auth/sign-out')).status).toBe(401);
      const [row] = await sql<{ revoked_at: Date | null }>(t, `select revoked_at from auth_session where person_id = $1`, [person.id]);
      expect(row.revoked_at).not.toBeNull();
    });

    it('ends a session that has been idle longer than the idle timeout', async () => {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      await sql(t, `update auth_session set last_seen_at = now() - interval '29 minutes' where person_id = $1`, [person.id]);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      // That request counted as activity: the idle clock restarted.
      const [seen] = await sql<{ idle: number }>(t, `select extract(epoch from now() - last_seen_at) as idle from auth_session where person_id = $1`, [
        person.id,
      ]);
      expect(Number(seen.idle)).toBeLessThan(60);
      await sql(t, `update auth_session set last_seen_at = now() - interval '31 minutes' where person_id = $1`, [person.id]);
      expect((await client.get('/api/auth/me')).status).toBe(401);
      // Activity after expiry does not revive it.
      expect((await client.get('/api/auth/me')).status).toBe(401);
    });

    it('honours SESSION_IDLE_MINUTES', async () => {
      const short = await createTestApp({ SESSION_IDLE_MINUTES: '2' });
      try {
        const client = await short.as('staffU1');
        expect(client.user.idleTimeoutSeconds).toBe(120);
        await sql(short, `update auth_session set last_seen_at = now() - interval '90 seconds'`);
        expect((await client.get('/api/auth/me')).status).toBe(200);
        await sql(short, `update auth_session set last_seen_at = now() - interval '121 seconds'`);
        expect((await client.get('/api/auth/me')).status).toBe(401);
      } finally {
        await short.close();
      }
    });

    it('ends a session at its absolute expiry however active it is', async () => {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      const [row] = await sql<{ hours: number }>(
        t,
        `select extract(epoch from expires_at - created_at) / 3600 as hours from auth_session where person_id = $1`,
        [person.id],
      );
      expect(Math.round(Number(row.hours))).toBe(12);
      await sql(t, `update auth_session set expires_at = now() - interval '1 second' where person_id = $1`, [person.id]);
      expect((await client.get('/api/auth/me')).status).toBe(401);
    });

    it('lists own live sessions (marking the current one) and ends another one', async () => {
      const person = await newPerson();
      const laptop = await signIn(t, person.email!, FIXTURE_PASSWORD);
      const tablet = clientFromResponse(
        t,
        await post('/api/auth/sign-in').set('User-Agent', 'Surfplatta i personalrummet').send({ identifier: person.email, password: FIXTURE_PASSWORD }),
      );
      // An ended and an idle session are not listed.
      const ended = await signIn(t, person.email!, FIXTURE_PASSWORD);
      await ended.post('/api/auth/sign-out');
      const idle = await signIn(t, person.email!, FIXTURE_PASSWORD);
      await sql(t, `update auth_session set last_seen_at = now() - interval '2 hours' where person_id = $1 and csrf_token = $2`, [
        person.id,
        idle.user.csrfToken,
      ]);

      const listed = await laptop.get('/api/auth/sessions');
      expect(listed.status).toBe(200);
      const sessions = listed.body as SessionInfo[];
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      const tabletSession = sessions.find((s) => !s.current)!;
      expect(tabletSession.userAgent).toBe('Surfplatta i personalrummet');
      expect(tabletSession.id).toMatch(/^[0-9a-f]{16}$/);
      expect(new Date(tabletSession.createdAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);

      // Someone else cannot end it (not found, not even a hint that it exists).
      const stranger = await t.as('staffU3');
      expect((await stranger.delete(`/api/auth/sessions/${tabletSession.id}`)).status).toBe(404);
      expect((await tablet.get('/api/auth/me')).status).toBe(200);

      expect((await laptop.delete(`/api/auth/sessions/${tabletSession.id}`)).status).toBe(204);
      expect((await tablet.get('/api/auth/me')).status).toBe(401);
      expect((await laptop.get('/api/auth/me')).status).toBe(200);
      expect((await laptop.get('/api/auth/sessions')).body).toHaveLength(1);
      // Ending it again: it no longer exists.
      expect((await laptop.delete(`/api/auth/sessions/${tabletSession.id}`)).status).toBe(404);
    });

    it('never lists the session token or its full hash', async () => {
      const person = await newPerson();
      const response = await attempt(person.email!, FIXTURE_PASSWORD);
      const token = sessionCookie(response).split(';')[0].split('=')[1];
      const listed = await clientFromResponse(t, response).get('/api/auth/sessions');
      const text = JSON.stringify(listed.body);
      expect(text).not.toContain(token);
      expect(text).not.toContain(sha256(token));
      expect(text).not.toContain(response.body.csrfToken);
    });
  });

  describe('own preferred language', () => {
    it('lets a staff member set their own language; repeating it changes nothing; it is kept for the next sign-in', async () => {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      expect(client.user.preferredLanguage).toBe('sv');
      const response = await client.put('/api/auth/language', { preferredLanguage: 'en' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ personId: person.id, preferredLanguage: 'en' });
      expect((await client.put('/api/auth/language', { preferredLanguage: 'en' })).status).toBe(200);
      const audit = await sql(t, `select details from audit_log where action = 'person.updated' and target_id = $1`, [person.id]);
      expect(audit).toEqual([{ details: { changed: ['preferredLanguage'] } }]);
      const again = await signIn(t, person.email!, FIXTURE_PASSWORD);
      expect(again.user.preferredLanguage).toBe('en');
      // Only one's own record: there is no person id to send.
      const [row] = await sql<{ preferred_language: string }>(t, `select preferred_language from person where id = $1`, [t.fixture.people.staffU1.id]);
      expect(row.preferred_language).toBe('sv');
    });

    it('keeps a staff language such as Arabic for the next sign-in; server messages for it stay Swedish', async () => {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      const response = await client.put('/api/auth/language', { preferredLanguage: 'ar' });
      expect(response.status).toBe(200);
      expect(response.body.preferredLanguage).toBe('ar');
      expect((await client.put('/api/auth/language', { preferredLanguage: 'sv-x-easy' })).body.preferredLanguage).toBe('sv-x-easy');
      expect((await client.put('/api/auth/language', { preferredLanguage: 'so' })).status).toBe(200);
      const again = await signIn(t, person.email!, FIXTURE_PASSWORD);
      expect(again.user.preferredLanguage).toBe('so');
      // Server messages exist in Swedish and English: Somali reads the Swedish ones (the web app shows its own words).
      const wrong = await again.put('/api/auth/password', { currentPassword: 'Inte-mitt-lösen-9', newPassword: 'Bättre-lösen-2050' });
      expect(wrong.headers['content-language']).toBe('sv');
    });

    it('answers errors in Swedish by default, in English when Accept-Language or the person’s language says so', async () => {
      const person = await newPerson();
      const swedish = await attempt(person.email!, 'Fel-lösenord-1');
      expect(swedish.body.message).toBe('Fel inloggningsuppgifter.');
      expect(swedish.headers['content-language']).toBe('sv');
      const english = await post('/api/auth/sign-in').set('Accept-Language', 'en-GB,en;q=0.9').send({ identifier: person.email, password: 'Fel-lösenord-2' });
      expect(english.status).toBe(401);
      expect(english.body.message).toBe('Wrong sign-in details.');
      expect(english.headers['content-language']).toBe('en');
      const invalid = await post('/api/auth/sign-in').set('Accept-Language', 'en').send({ identifier: '', password: 'x', extra: 1 });
      expect(withoutMessageCodes(invalid.body)).toMatchObject({
        message: 'The details are not valid.',
        details: expect.arrayContaining([
          { field: 'identifier', message: 'Fill in your e-mail or employee number.' },
          { field: 'extra', message: 'This field does not belong here. Remove it.' },
        ]),
      });

      // A signed-in person who reads English gets English without asking; the page's language still wins.
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      expect((await client.put('/api/auth/language', { preferredLanguage: 'en' })).status).toBe(200);
      const wrong = await client.put('/api/auth/password', { currentPassword: 'Inte-mitt-lösen-9', newPassword: 'Bättre-lösen-2050' });
      expect(withoutMessageCodes(wrong.body.details)).toEqual([{ field: 'currentPassword', message: 'The current password is not right.' }]);
      const malformed = await client.get('/api/people/not-a-uuid');
      expect(withoutMessageCodes(malformed.body.details)).toEqual([{ field: 'personId', message: 'Must be an id (UUID).' }]);
      const asSwedish = await client.get('/api/people/not-a-uuid').set('Accept-Language', 'sv-SE');
      expect(withoutMessageCodes(asSwedish.body.details)).toEqual([{ field: 'personId', message: 'Ska vara ett id (UUID).' }]);
    });

    it.each([
      ['an unknown language', { preferredLanguage: 'de' }],
      ['no language', {}],
      ['another person’s id as well', { preferredLanguage: 'en', personId: '00000000-0000-4000-8000-000000000000' }],
    ])('refuses %s with 400 naming the field', async (_label, body) => {
      const client = await signIn(t, (await newPerson()).email!, FIXTURE_PASSWORD);
      const response = await client.put('/api/auth/language', body);
      expect(response.status).toBe(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual('personId' in body ? ['personId'] : ['preferredLanguage']);
    });
  });

  describe('password change', () => {
    async function personWithClient() {
      const person = await newPerson();
      const client = await signIn(t, person.email!, FIXTURE_PASSWORD);
      return { person, client };
    }

    it('refuses guessable, personal, blank and unchanged new passwords: 400 naming newPassword with a stable code and a Swedish reason', async () => {
      const { person, client } = await personWithClient();
      const change = (newPassword: string) => client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword });
      const cases: Array<[string, string]> = [
        ['Kunna-demo-2026', 'passwordPersonal'],
        ['Sommar2026', 'passwordTooWeak'],
        [person.email!, 'passwordPersonal'],
        [`Auth${person.email!.split('@')[0]}`, 'passwordPersonal'],
        ['          ', 'passwordBlank'],
        [FIXTURE_PASSWORD, 'passwordReused'],
      ];
      for (const [password, code] of cases) {
        const response = await change(password);
        expect({ password, status: response.status, code: response.body.details?.[0]?.code, field: response.body.details?.[0]?.field }).toEqual({
          password,
          status: 400,
          code,
          field: 'newPassword',
        });
      }
      expect((await change('Kunna-demo-2026')).body.details[0].message).toBe(
        'Lösenordet liknar ditt namn, din e-post, din arbetsplats eller Kunna. Välj något som inte handlar om dig eller jobbet.',
      );
      expect((await change(FIXTURE_PASSWORD)).body.details[0].message).toBe('Det nya lösenordet är samma som det du har nu. Välj ett nytt.');
      // In English for someone reading Kunna in English; the code stays the same.
      const english = await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: '          ' }).set('Accept-Language', 'en');
      expect(withoutMessageCodes(english.body.details)[0]).toEqual({
        field: 'newPassword',
        message: 'The password cannot be only spaces. Use letters, digits or symbols.',
        code: 'passwordBlank',
      });
      // None of them was set.
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('a reset code cannot set the password the person already has', async () => {
      const person = await newPerson();
      const code = 'KLMNP-QRST2'.replace(/[A-Z2-9]/g, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[randomBytes(1)[0] % 31]);
      await sql(
        t,
        `insert into one_time_code (organisation_id, person_id, purpose, code_hash, expires_at, created_by)
         values ($1, $2, 'password_reset', $3, now() + interval '1 hour', $4)`,
        [t.fixture.orgA, person.id, sha256(normaliseCode(code)), t.fixture.people.managerU1.id],
      );
      const same = await post('/api/auth/redeem').send({ code, newPassword: FIXTURE_PASSWORD });
      expect(same.status).toBe(400);
      expect(same.body.details[0].code).toBe('passwordReused');
      expect((await post('/api/auth/redeem').send({ code, newPassword: 'Gröna-tallar-vid-sjön-7' })).status).toBe(200);
    });

    it('changes the password: the new one signs in, the old one does not', async () => {
      const { person, client } = await personWithClient();
      const response = await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Bättre-lösen-2031' });
      expect(response.status).toBe(204);
      expect((await attempt(person.email!, 'Bättre-lösen-2031')).status).toBe(200);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(401);
      const audit = await sql(t, `select 1 from audit_log where action = 'auth.password_changed' and target_id = $1`, [person.id]);
      expect(audit).toHaveLength(1);
      // The hash is argon2id with the production parameters.
      const [credential] = await sql<{ password_hash: string }>(t, `select password_hash from credential where person_id = $1`, [person.id]);
      expect(credential.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('keeps the current session and ends every other session of the person', async () => {
      const { person, client } = await personWithClient();
      const elsewhere = await signIn(t, person.email!, FIXTURE_PASSWORD);
      expect((await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Bättre-lösen-2032' })).status).toBe(204);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    });

    it('needs the current password (400 naming currentPassword)', async () => {
      const { client } = await personWithClient();
      const response = await client.put('/api/auth/password', { currentPassword: 'Inte-mitt-lösen-1', newPassword: 'Bättre-lösen-2033' });
      expect(response.status).toBe(400);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'currentPassword', message: 'Nuvarande lösenord stämmer inte.' }]);
    });

    it('locks password changes after 5 wrong current passwords, even with the right one; others are unaffected', async () => {
      const { person, client } = await personWithClient();
      const other = await personWithClient();
      for (let i = 1; i <= 5; i++) {
        const wrong = await client.put('/api/auth/password', { currentPassword: `Gissning-nummer-${i}`, newPassword: 'Bättre-lösen-2040' });
        expect(wrong.status).toBe(400);
      }
      const locked = await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Bättre-lösen-2040' });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('lockedOut');
      expect(locked.body.message).toBe('För många felaktiga försök med nuvarande lösenord. Försök igen om 15 minuter.');
      expect(locked.headers['retry-after']).toBe('900');
      // The lock-out survived the failed requests' rollback, and the password is unchanged.
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(200);
      const failures = await sql(t, `select 1 from audit_log where action = 'auth.password_change_failed' and target_id = $1`, [person.id]);
      expect(failures).toHaveLength(5);
      // Another person's attempts are counted on their own.
      expect((await other.client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Bättre-lösen-2041' })).status).toBe(204);
    });

    it('a successful change clears the count of earlier wrong attempts', async () => {
      const { client } = await personWithClient();
      for (let i = 1; i <= 4; i++) {
        expect((await client.put('/api/auth/password', { currentPassword: `Gissning-${i}-fel`, newPassword: 'Bättre-lösen-2042' })).status).toBe(400);
      }
      expect((await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Bättre-lösen-2042' })).status).toBe(204);
      for (let i = 1; i <= 4; i++) {
        expect((await client.put('/api/auth/password', { currentPassword: `Gissning-${i}-igen`, newPassword: 'Bättre-lösen-2043' })).status).toBe(400);
      }
      expect((await client.put('/api/auth/password', { currentPassword: 'Bättre-lösen-2042', newPassword: 'Bättre-lösen-2043' })).status).toBe(204);
    });

    it.each([
      ['too short (9 characters)', 'Kort-123x', 'Lösenordet måste ha minst 10 tecken.', 'passwordTooShort'],
      ['too long (129 characters)', `${'Lång-'.repeat(25)}1234`, 'Lösenordet får ha högst 128 tecken.', 'passwordTooLong'],
      ['common', 'Password123', 'Lösenordet är för vanligt. Välj ett annat.', 'passwordTooCommon'],
      ['common in Swedish', 'lösenord123', 'Lösenordet är för vanligt. Välj ett annat.', 'passwordTooCommon'],
    ])('refuses a new password that is %s, naming newPassword', async (_label, newPassword, message, code) => {
      const { person, client } = await personWithClient();
      const response = await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword });
      expect(response.status).toBe(400);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'newPassword', message, code }]);
      // Nothing changed.
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(200);
    });

    it('accepts exactly 10 and exactly 128 characters, and never truncates a long password', async () => {
      const { person, client } = await personWithClient();
      expect((await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Tio-tecken' })).status).toBe(204);
      const long = `${'Älvstad-omsorg-'.repeat(8)}12345678`;
      expect([...long]).toHaveLength(128);
      expect((await client.put('/api/auth/password', { currentPassword: 'Tio-tecken', newPassword: long })).status).toBe(204);
      expect((await attempt(person.email!, long)).status).toBe(200);
      await sql(t, `delete from sign_in_throttle`);
      expect((await attempt(person.email!, long.slice(0, 127))).status).toBe(401);
      expect((await attempt(person.email!, long.slice(0, 72))).status).toBe(401);
      expect((await attempt(person.email!, `${long.slice(0, 127)}9`)).status).toBe(401);
    });

    it('counts characters, not bytes: 128 characters of Swedish letters are accepted', async () => {
      const { person, client } = await personWithClient();
      const swedish = 'åäöÅÄÖ'.repeat(21) + 'åä';
      expect([...swedish]).toHaveLength(128);
      expect(Buffer.byteLength(swedish)).toBeGreaterThan(128);
      expect((await client.put('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: swedish })).status).toBe(204);
      expect((await attempt(person.email!, swedish)).status).toBe(200);
    });
  });

  describe('one-time codes', () => {
    /** Inserts a code as the manager route would (only its hash is stored) and returns the plain code. */
    async function insertCode(personId: string, options: { purpose?: string; expiresIn?: string; organisationId?: string } = {}) {
      const code = 'KLMNP-QRST2'.replace(/[A-Z2-9]/g, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[randomBytes(1)[0] % 31]);
      await sql(
        t,
        `insert into one_time_code (organisation_id, person_id, purpose, code_hash, expires_at, created_by)
         values ($1, $2, $3, $4, now() + $5::interval, $6)`,
        [
          options.organisationId ?? t.fixture.orgA,
          personId,
          options.purpose ?? 'first_sign_in',
          sha256(normaliseCode(code)),
          options.expiresIn ?? '72 hours',
          t.fixture.people.managerU1.id,
        ],
      );
      return code;
    }

    it('a first sign-in code sets the password, signs the person in, and can be used once only', async () => {
      const person = await newPerson({ email: null, account: false });
      const code = await insertCode(person.id);
      // Typed from paper: lower case, with spaces instead of the dash.
      const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
      const response = await post('/api/auth/redeem').send({ code: typed, newPassword: 'Första-lösen-2031' });
      expect(response.status).toBe(200);
      expect(response.body.personId).toBe(person.id);
      const client = clientFromResponse(t, response);
      expect((await client.get('/api/auth/me')).status).toBe(200);

      expect((await attempt(person.employeeNumber, 'Första-lösen-2031', t.fixture.orgA)).status).toBe(200);
      const again = await post('/api/auth/redeem').send({ code, newPassword: 'Annat-lösen-2031' });
      expect(again.status).toBe(404);
      expect(again.body.message).toBe('Koden är ogiltig, redan använd eller har gått ut.');
      expect(await sql(t, `select 1 from audit_log where action = 'auth.first_sign_in' and actor_person_id = $1`, [person.id])).toHaveLength(1);
    });

    it('a reset code replaces the password and ends every earlier session', async () => {
      const person = await newPerson();
      const before = await signIn(t, person.email!, FIXTURE_PASSWORD);
      const code = await insertCode(person.id, { purpose: 'password_reset' });
      const response = await post('/api/auth/redeem').send({ code, newPassword: 'Återställt-2031' });
      expect(response.status).toBe(200);
      expect((await before.get('/api/auth/me')).status).toBe(401);
      expect((await clientFromResponse(t, response).get('/api/auth/me')).status).toBe(200);
      expect((await attempt(person.email!, FIXTURE_PASSWORD)).status).toBe(401);
      expect((await attempt(person.email!, 'Återställt-2031')).status).toBe(200);
    });

    it('an expired code is refused', async () => {
      const person = await newPerson({ account: false });
      const code = await insertCode(person.id, { expiresIn: '-1 minute' });
      expect((await post('/api/auth/redeem').send({ code, newPassword: 'Första-lösen-2031' })).status).toBe(404);
    });

    it('an unknown code is refused with the same answer', async () => {
      const response = await post('/api/auth/redeem').send({ code: 'AAAAA-BBBBB', newPassword: 'Första-lösen-2031' });
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Koden är ogiltig, redan använd eller har gått ut.');
    });

    it('a weak new password is refused (400 naming newPassword) and the code stays usable', async () => {
      const person = await newPerson({ account: false });
      const code = await insertCode(person.id);
      const weak = await post('/api/auth/redeem').send({ code, newPassword: 'qwertyuiop' });
      expect(weak.status).toBe(400);
      expect(withoutMessageCodes(weak.body.details)).toEqual([
        { field: 'newPassword', message: 'Lösenordet är för vanligt. Välj ett annat.', code: 'passwordTooCommon' },
      ]);
      const short = await post('/api/auth/redeem').send({ code, newPassword: 'kort' });
      expect(withoutMessageCodes(short.body.details)).toEqual([
        { field: 'newPassword', message: 'Lösenordet måste ha minst 10 tecken.', code: 'passwordTooShort' },
      ]);
      // Refused after the code was looked up (it needs the person's own words): the code still stays usable.
      const guessable = await post('/api/auth/redeem').send({ code, newPassword: 'Sommar2026' });
      expect(withoutMessageCodes(guessable.body.details)).toEqual([
        { field: 'newPassword', message: expect.stringMatching(/^Lösenordet är för lätt att gissa\./), code: 'passwordTooWeak' },
      ]);
      expect((await post('/api/auth/redeem').send({ code, newPassword: 'Första-lösen-2031' })).status).toBe(200);
    });

    it('a code for a disabled person does not sign them in', async () => {
      const person = await newPerson({ account: false });
      const code = await insertCode(person.id);
      await sql(t, `update person set disabled_at = now() where id = $1`, [person.id]);
      const response = await post('/api/auth/redeem').send({ code, newPassword: 'Första-lösen-2031' });
      expect([401, 404]).toContain(response.status);
      expect(response.headers['set-cookie']).toBeUndefined();
      const [credential] = await sql(t, `select 1 from credential where person_id = $1`, [person.id]);
      expect(credential).toBeUndefined();
    });

    it('the two people racing with one code: exactly one wins', async () => {
      const person = await newPerson({ account: false });
      const code = await insertCode(person.id);
      const results = await Promise.all([1, 2, 3].map((i) => post('/api/auth/redeem').send({ code, newPassword: `Första-lösen-203${i}` })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    });
  });

  describe('bad input', () => {
    it('names the missing field on sign-in', async () => {
      const noIdentifier = await post('/api/auth/sign-in').send({ password: 'x' });
      expect(noIdentifier.status).toBe(400);
      expect(withoutMessageCodes(noIdentifier.body.details)).toEqual([{ field: 'identifier', message: 'Fyll i e-post eller anställningsnummer.' }]);
      const noPassword = await post('/api/auth/sign-in').send({ identifier: 'a@b.example' });
      expect(noPassword.status).toBe(400);
      expect(withoutMessageCodes(noPassword.body.details)).toEqual([{ field: 'password', message: 'Fyll i lösenord.' }]);
      const badOrganisation = await post('/api/auth/sign-in').send({ identifier: 'A1004', password: 'x', organisationId: 'Älvstad' });
      expect(badOrganisation.status).toBe(400);
      expect(withoutMessageCodes(badOrganisation.body.details)).toEqual([{ field: 'organisationId', message: 'Välj en organisation i listan.' }]);
    });

    it('answers wrong types and unknown fields in Swedish, naming the field', async () => {
      const wrongType = await post('/api/auth/sign-in').send({ identifier: 12345, password: 'x' });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.details).toHaveLength(1);
      expect(wrongType.body.details[0].field).toBe('identifier');
      expect(wrongType.body.details[0].message).not.toMatch(/must be|should/);

      const extra = await post('/api/auth/sign-in').send({ identifier: 'a@b.example', password: 'x', isAdmin: true });
      expect(extra.status).toBe(400);
      expect(withoutMessageCodes(extra.body.details)).toEqual([{ field: 'isAdmin', message: expect.not.stringMatching(/should not exist/) }]);

      const redeem = await post('/api/auth/redeem').send({ code: '', newPassword: 'Första-lösen-2031' });
      expect(redeem.status).toBe(400);
      expect(withoutMessageCodes(redeem.body.details)).toEqual([{ field: 'code', message: 'Fyll i koden.' }]);
    });

    it('answers malformed JSON with 400, not 500, without echoing the parser', async () => {
      const response = await post('/api/auth/sign-in').set('Content-Type', 'application/json').send('{"identifier": "a@b.example", ');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, message: 'Förfrågan är inte giltig JSON.' });
      expect(JSON.stringify(response.body)).not.toMatch(/JSON at position|Unexpected|SyntaxError/);
    });

    it('answers an oversize body with 413', async () => {
      const huge = JSON.stringify({ identifier: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) });
      const response = await post('/api/auth/sign-in').set('Content-Type', 'application/json').send(huge);
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ statusCode: 413, message: 'Förfrågan är för stor.' });
    });

    it('a body that is JSON but not an object is a 400', async () => {
      for (const body of ['"just a string"', '[1,2,3]', 'null', '42']) {
        const response = await post('/api/auth/sign-in').set('Content-Type', 'application/json').send(body);
        expect(response.status).toBe(400);
      }
    });

    it('a long password on sign-in is refused before any hashing work (400), not a 500', async () => {
      const response = await attempt('a@b.example', 'x'.repeat(5000));
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('password');
    });

    it('a badly encoded path is 400, and an unknown API path is 404, both in the usual shape', async () => {
      const client = await t.as('staffU1');
      const encoded = await client.get('/api/people/%E0%A4%A');
      expect(encoded.status).toBe(400);
      expect(encoded.body.statusCode).toBe(400);
      const missing = await client.get('/api/no-such-thing');
      expect(missing.status).toBe(404);
      expect(missing.body.statusCode).toBe(404);
    });

    it('never sends a stack trace in any error body', async () => {
      const client = await t.as('staffU1');
      const responses = await Promise.all([
        post('/api/auth/sign-in').set('Content-Type', 'application/json').send('{oops'),
        post('/api/auth/sign-in').send({}),
        client.get('/api/people/not-a-uuid'),
        client.get('/api/no-such-thing'),
        t.http().get('/api/auth/me'),
        client.delete('/api/auth/sessions/xyz'),
      ]);
      for (const response of responses) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const text = JSON.stringify(response.body);
        expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+|stack/);
        expect(response.headers['content-type']).toMatch(/application\/json/);
      }
    });
  });

  describe('security headers', () => {
    it('sends a strict content security policy, HSTS and other hardening headers', async () => {
      const response = await t.http().get('/api/health');
      const csp = String(response.headers['content-security-policy']);
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name, ...values] = part.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      const scriptSrc = directives.get('script-src') ?? [];
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:/);

      const hsts = String(response.headers['strict-transport-security']);
      const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 3600);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('marks every API answer, errors included, as not to be stored (shared devices)', async () => {
      const client = await t.as('staffU1');
      for (const response of [
        await t.http().get('/api/health'),
        await client.get('/api/auth/me'),
        await t.http().get('/api/auth/me'),
        await post('/api/auth/sign-in').send({}),
      ]) {
        expect(response.headers['cache-control']).toBe('no-store');
      }
    });

    it('gives every answer a request id, keeping a well-formed incoming one', async () => {
      const own = await t.http().get('/api/health').set('X-Request-Id', 'abc-123');
      expect(own.headers['x-request-id']).toBe('abc-123');
      const bad = await t.http().get('/api/health').set('X-Request-Id', 'no spaces <allowed>');
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
