import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';

/**
 * Input an outside probe sent (issue 16): things no form produces, which must be refused as the client's mistake
 * (400 naming the field), never answered with a 500 or with an answer larger than the question.
 */
describe('hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('a NUL character (\\u0000)', () => {
    it('in a body, query string or path parameter is refused as 400 naming the field, on every route, never a 500', async () => {
      const admin = await t.as('adminA');
      const manager = await t.as('managerU1');
      const ambassador = await t.as('ambassadorU1');
      const person = t.fixture.people.staffU1.id;
      const cases = [
        { field: 'roleTitle', send: () => admin.patch(`/api/people/${person}`, { roleTitle: 'under\u0000sköterska' }) },
        { field: 'q', send: () => manager.get('/api/people?q=%00') },
        { field: 'q', send: () => manager.get('/api/library/modules?q=ab%00c') },
        { field: 'q', send: () => ambassador.get(`/api/sessions/${t.fixture.sessions.sessionU1}/walk-in-candidates?q=%00`) },
        { field: 'roleTitle', send: () => admin.get('/api/insights/participation?roleTitle=%00') },
        // A path parameter that is not an id (a session's public prefix).
        { field: 'sessionId', send: () => manager.delete('/api/auth/sessions/ab%00cd') },
        // Nested: the path names where in the body it sits.
        {
          field: 'marks.0.walkInName',
          send: () => ambassador.post(`/api/sessions/${t.fixture.sessions.sessionU1}/attendance`, { marks: [{ walkInName: 'A\u0000' }] }),
        },
      ];
      for (const { field, send } of cases) {
        const response = await send();
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(withoutMessageCodes(response.body.details)).toEqual([{ field, message: 'Texten innehåller ett otillåtet tecken (NUL).', code: 'nulCharacter' }]);
      }
    });

    it('in a field name is refused too', async () => {
      const admin = await t.as('adminA');
      const response = await admin.patch(`/api/people/${t.fixture.people.staffU1.id}`, { 'role\u0000Title': 'x' });
      expect(response.status).toBe(400);
      expect(response.body.details[0].code).toBe('nulCharacter');
    });
  });

  describe('a body full of unknown fields', () => {
    it('is answered quickly with at most the first 20 problems, not one per field', async () => {
      const admin = await t.as('adminA');
      const body: Record<string, string> = {};
      for (let i = 0; i < 50_000; i++) body[`f${i}`] = 'xxxxxx';
      const started = performance.now();
      expect(JSON.stringify(body).length).toBeGreaterThan(800_000);
      const response = await admin.patch(`/api/people/${t.fixture.people.staffU1.id}`, body);
      const ms = performance.now() - started;
      expect(response.status).toBe(400);
      expect(response.body.details).toHaveLength(20);
      expect(withoutMessageCodes(response.body.details)[0]).toEqual({ field: 'f0', message: 'Fältet finns inte här. Ta bort det.' });
      expect(response.body.message).toBe('Uppgifterna är inte giltiga. De första 20 problemen visas.');
      expect(response.text.length).toBeLessThan(5_000);
      // Generous for a shared 2-core machine running other suites (about 0.4 s alone); before the limit this took
      // about 9 s here (3 s on the probe's machine) and answered 3.3 MB. 4 s was once exceeded (4.2 s) while the
      // machine's load was 27.
      expect(ms).toBeLessThan(6_000);
    });

    it('nested unknown fields are cut to 20 as well', async () => {
      const ambassador = await t.as('ambassadorU1');
      const marks = Array.from({ length: 500 }, () => ({ a: 1, b: 2, c: 3 }));
      const response = await ambassador.post(`/api/sessions/${t.fixture.sessions.sessionU1}/attendance`, { marks });
      expect(response.status).toBe(400);
      expect(response.body.details.length).toBeLessThanOrEqual(20);
    });
  });
});
