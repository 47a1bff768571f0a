import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';

/**
 * The one access guard resolves every object a route's permission names (api/src/auth/access.guard.ts): a malformed
 * id answers 400 naming the field, like the organisation tree's ids always did (the four feature guards answered 404),
 * and an object of another organisation 404 — whichever feature owns the object.
 */
describe('objects named by a permission', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['session', '/api/sessions/not-a-uuid', 'sessionId'],
    ['series', '/api/session-series/not-a-uuid', 'seriesId'],
    ['module', '/api/library/modules/not-a-uuid', 'moduleId'],
    ['program', '/api/library/programs/not-a-uuid', 'programId'],
    ['appointment', '/api/ambassadors/appointments/not-a-uuid', 'appointmentId'],
    ['check assignment', '/api/checks/assignments/not-a-uuid', 'assignmentId'],
    ['instrument', '/api/checks/instruments/not-a-uuid', 'instrumentId'],
  ])('a malformed %s id answers 400 naming the field', async (_kind, path, field) => {
    const admin = await t.as('adminA');
    const response = await admin.get(path);
    expect(response.status).toBe(400);
    expect(withoutMessageCodes(response.body.details)).toEqual([{ field, message: 'Ska vara ett id (UUID).' }]);
  });

  it('a malformed answer code answers 400 naming the field', async () => {
    const staff = await t.as('staffU1');
    const response = await staff.post('/api/checks/answer/no!', {});
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('code');
  });

  it("another organisation's objects answer 404 to its administrator's counterpart, never 403", async () => {
    const admin = await t.as('adminA');
    const f = t.fixture;
    for (const path of [
      `/api/sessions/${f.sessions.sessionU4}`,
      `/api/session-series/${f.sessions.seriesU4}`,
      `/api/library/modules/${f.library.moduleB.id}`,
      `/api/ambassadors/appointments/${f.library.appointmentU4}`,
      `/api/checks/assignments/${f.checks.assignmentU4}`,
      `/api/checks/instruments/${f.checks.instrumentB}`,
    ]) {
      expect({ path, status: (await admin.get(path)).status }).toEqual({ path, status: 404 });
    }
  });
});
