import { createHash } from 'node:crypto';
import { OneTimeCredential } from '@kunna/contracts';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { auditRows, clientFromResponse, createPerson, signIn, sql } from './people-test-helpers';
import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';

const NEW_PASSWORD = 'Sommar-ängen-2031';

describe('accounts of people: one-time codes, disabling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/people/:personId/one-time-code', () => {
    it('lets a manager give a person without e-mail a code they redeem to set a password and sign in', async () => {
      const manager = await t.as('managerU1');
      const person = await createPerson(manager, t.fixture.unitU1, { email: null });
      expect(person.hasAccount).toBe(false);

      const issued = await manager.post(`/api/people/${person.id}/one-time-code`, { purpose: 'first_sign_in' });
      expect(issued.status).toBe(201);
      const credential = issued.body as OneTimeCredential;
      expect(credential.personId).toBe(person.id);
      expect(credential.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      expect(credential.url).toContain(encodeURIComponent(credential.code));
      expect(new Date(credential.expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(issued.headers['cache-control']).toContain('no-store');

      // Only a hash is stored: the code itself is shown once.
      const stored = await sql<{ code_hash: string; purpose: string; created_by: string }>(
        t,
        `select code_hash, purpose, created_by from one_time_code where person_id = $1`,
        [person.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ purpose: 'first_sign_in', created_by: t.fixture.people.managerU1.id });
      expect(stored[0].code_hash).toBe(createHash('sha256').update(credential.code.replace('-', '')).digest('hex'));
      const audit = await auditRows(t, 'auth.code_issued', person.id);
      expect(audit).toEqual([expect.objectContaining({ actor_person_id: t.fixture.people.managerU1.id, details: { purpose: 'first_sign_in' } })]);

      const redeemed = await t.http().post('/api/auth/redeem').send({ code: credential.code.toLowerCase(), newPassword: NEW_PASSWORD });
      expect(redeemed.status).toBe(200);
      expect(redeemed.body.personId).toBe(person.id);
      expect((await clientFromResponse(t, redeemed).get('/api/auth/me')).status).toBe(200);

      const again = await t.http().post('/api/auth/redeem').send({ code: credential.code, newPassword: NEW_PASSWORD });
      expect(again.status).toBe(404);

      // Signs in with employee number and organisation: no e-mail needed.
      const client = await signIn(t, person.employeeNumber, NEW_PASSWORD, t.fixture.orgA);
      expect(client.user.personId).toBe(person.id);
      expect((await manager.get(`/api/people/${person.id}`)).body.hasAccount).toBe(true);
    });

    it('matches the purpose to the account: a first sign-in code for an account is 409, a reset works', async () => {
      const manager = await t.as('managerU1');
      const staff = t.fixture.people.staffU1.id;
      const first = await manager.post(`/api/people/${staff}/one-time-code`, { purpose: 'first_sign_in' });
      expect(first.status).toBe(409);
      expect(withoutMessageCodes(first.body.details)).toEqual([{ field: 'purpose', message: 'Personen har redan ett konto. Välj en kod för nytt lösenord.' }]);
      expect((await manager.post(`/api/people/${staff}/one-time-code`, { purpose: 'password_reset' })).status).toBe(201);

      const newcomer = await createPerson(manager, t.fixture.unitU1);
      const reset = await manager.post(`/api/people/${newcomer.id}/one-time-code`, { purpose: 'password_reset' });
      expect(reset.status).toBe(409);
      const invalid = await manager.post(`/api/people/${newcomer.id}/one-time-code`, { purpose: 'admin' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.details[0].field).toBe('purpose');
    });

    it('a new code replaces an unused earlier one', async () => {
      const admin = await t.as('adminA');
      const person = await createPerson(admin, t.fixture.unitU3);
      const first = (await admin.post(`/api/people/${person.id}/one-time-code`, { purpose: 'first_sign_in' })).body as OneTimeCredential;
      const second = (await admin.post(`/api/people/${person.id}/one-time-code`, { purpose: 'first_sign_in' })).body as OneTimeCredential;
      expect((await t.http().post('/api/auth/redeem').send({ code: first.code, newPassword: NEW_PASSWORD })).status).toBe(404);
      expect((await t.http().post('/api/auth/redeem').send({ code: second.code, newPassword: NEW_PASSWORD })).status).toBe(200);
    });

    it('is limited to a manager’s current unit and never reaches accounts with more rights', async () => {
      const manager = await t.as('managerU1');
      expect((await manager.post(`/api/people/${t.fixture.people.staffU2.id}/one-time-code`, { purpose: 'password_reset' })).status).toBe(403);
      expect((await manager.post(`/api/people/${t.fixture.people.staffU4.id}/one-time-code`, { purpose: 'password_reset' })).status).toBe(404);
      // HR and area managers do not hand out codes.
      expect((await (await t.as('hrA')).post(`/api/people/${t.fixture.people.staffU1.id}/one-time-code`, { purpose: 'password_reset' })).status).toBe(403);

      // Someone in U1 who is also an administrator: a code would hand the manager an administrator's account.
      const admin = await t.as('adminA');
      const colleague = await createPerson(admin, t.fixture.unitU1);
      expect((await admin.post(`/api/people/${colleague.id}/roles`, { role: 'org_admin', scopeId: t.fixture.orgA })).status).toBe(201);
      const refused = await manager.post(`/api/people/${colleague.id}/one-time-code`, { purpose: 'first_sign_in' });
      expect(refused.status).toBe(403);
      expect(await sql(t, `select 1 from one_time_code where person_id = $1`, [colleague.id])).toHaveLength(0);
      // An ambassador of the manager's own unit is fine.
      expect((await manager.post(`/api/people/${t.fixture.people.ambassadorU1.id}/one-time-code`, { purpose: 'password_reset' })).status).toBe(201);
      // The administrator may.
      expect((await admin.post(`/api/people/${colleague.id}/one-time-code`, { purpose: 'first_sign_in' })).status).toBe(201);
    });

    it('refuses codes for people whose employment has ended', async () => {
      const hr = await t.as('hrA');
      const person = await createPerson(hr, t.fixture.unitU3, { startDate: '2024-01-01' });
      expect((await hr.post(`/api/people/${person.id}/end`, { endDate: '2024-12-31' })).status).toBe(200);
      const response = await (await t.as('adminA')).post(`/api/people/${person.id}/one-time-code`, { purpose: 'first_sign_in' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('ended');
    });
  });

  describe('disable and enable', () => {
    it('ends every session of the person at once, blocks sign-in, and is audited; enabling lets them in again', async () => {
      const admin = await t.as('adminA');
      const key = t.fixture.people.staffU2;
      const phone = await signIn(t, key.email, FIXTURE_PASSWORD);
      const tablet = await signIn(t, key.email, FIXTURE_PASSWORD);
      expect((await phone.get('/api/auth/me')).status).toBe(200);

      const disabled = await admin.post(`/api/people/${key.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: key.id, disabled: true, active: true });
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      expect((await tablet.get('/api/auth/me')).status).toBe(401);
      expect(await sql(t, `select count(*)::int as n from auth_session where person_id = $1 and revoked_at is null`, [key.id])).toEqual([{ n: 0 }]);
      const blocked = await t.http().post('/api/auth/sign-in').send({ identifier: key.email, password: FIXTURE_PASSWORD });
      expect(blocked.status).toBe(401);

      // Disabling again changes nothing and is not audited twice.
      expect((await admin.post(`/api/people/${key.id}/disable`)).status).toBe(200);
      expect(await auditRows(t, 'person.disabled', key.id)).toEqual([
        expect.objectContaining({ actor_person_id: t.fixture.people.adminA.id, organisation_id: t.fixture.orgA }),
      ]);
      // No codes for a disabled account.
      expect((await admin.post(`/api/people/${key.id}/one-time-code`, { purpose: 'password_reset' })).status).toBe(409);

      const enabled = await admin.post(`/api/people/${key.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.body.disabled).toBe(false);
      expect(await auditRows(t, 'person.enabled', key.id)).toHaveLength(1);
      expect((await signIn(t, key.email, FIXTURE_PASSWORD).then((client) => client.get('/api/auth/me'))).status).toBe(200);
    });

    it('is for administrators only, and not on oneself', async () => {
      expect((await (await t.as('managerU1')).post(`/api/people/${t.fixture.people.staffU1.id}/disable`)).status).toBe(403);
      expect((await (await t.as('hrA')).post(`/api/people/${t.fixture.people.staffU1.id}/disable`)).status).toBe(403);
      const self = await (await t.as('adminA')).post(`/api/people/${t.fixture.people.adminA.id}/disable`);
      expect(self.status).toBe(409);
      expect(self.body.message).toBe('Du kan inte spärra ditt eget konto.');
      expect((await (await t.as('adminA')).post(`/api/people/${t.fixture.people.staffU4.id}/disable`)).status).toBe(404);
    });
  });
});
