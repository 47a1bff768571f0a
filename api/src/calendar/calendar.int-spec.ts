import ICAL from 'ical.js';
import { Client } from 'pg';
import { CalendarFeedCreated, CalendarFeedStatus, CSRF_HEADER } from '@kunna/contracts';
import { sha256 } from '../auth';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { createTestApp, TestApp } from '../test-support/test-app';

/** The feed as a calendar client sees it, parsed by ical.js (an independent RFC 5545 parser). */
interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  start: Date;
  end: Date;
}

describe('calendar feeds (api/src/calendar)', () => {
  let t: TestApp;
  let sql: Client;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  /** The path of a feed URL (the app answers on PUBLIC_URL; the test talks to the server directly). */
  const pathOf = (url: string) => new URL(url).pathname;

  async function fetchFeed(url: string): Promise<{ status: number; text: string; headers: Record<string, string> }> {
    const response = await t
      .http()
      .get(pathOf(url))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    return { status: response.status, text: response.body as string, headers: response.headers };
  }

  function parse(text: string): ParsedEvent[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: String(component.getFirstPropertyValue('status')),
        summary: event.summary,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
      };
    });
  }

  it('a person creates their feed; it is valid iCalendar with their sessions and nothing of another organisation', async () => {
    const staff = await t.as('staffU1');
    const created = await staff.post('/api/calendar/feeds/me');
    expect(created.status).toBe(201);
    const { url } = created.body as CalendarFeedCreated;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
    expect(((await staff.get('/api/calendar/feeds/me')).body as CalendarFeedStatus).active).toBe(true);

    // Only the hash is stored.
    const token = url.split('/').pop() as string;
    const stored = await sql.query(`select token_hash from calendar_feed where person_id = $1 and revoked_at is null`, [t.fixture.people.staffU1.id]);
    expect(stored.rows).toEqual([{ token_hash: sha256(token) }]);
    const anywhere = await sql.query(`select count(*)::int as n from calendar_feed where token_hash = $1 or token_hash like '%' || $1 || '%'`, [token]);
    expect(anywhere.rows[0].n).toBe(0);

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('no-store');
    expect(feed.text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const events = parse(feed.text);
    const uids = events.map((event) => event.uid);
    const { sessions } = t.fixture;
    // staffU1 is in U1's team: today's session and the series' two dates.
    expect(uids).toContain(`session-${sessions.sessionU1}@kunna`);
    expect(events).toHaveLength(3);
    const today = events.find((event) => event.uid === `session-${sessions.sessionU1}@kunna`) as ParsedEvent;
    expect(today.status).toBe('CONFIRMED');
    expect(today.end.getTime() - today.start.getTime()).toBe(30 * 60 * 1000);
    const row = await sql.query(`select starts_at from sessions where id = $1`, [sessions.sessionU1]);
    expect(today.start.toISOString()).toBe((row.rows[0].starts_at as Date).toISOString());
    // Nothing of the sibling unit, nothing of organisation B.
    expect(uids).not.toContain(`session-${sessions.sessionU2}@kunna`);
    expect(uids).not.toContain(`session-${sessions.sessionU4}@kunna`);
  });

  it('cancelling a session keeps it in the feed with STATUS:CANCELLED and a higher SEQUENCE', async () => {
    const staff = await t.as('staffU1');
    const { url } = (await staff.post('/api/calendar/feeds/me')).body as CalendarFeedCreated;
    const uid = `session-${t.fixture.sessions.sessionU1}@kunna`;
    const before = parse((await fetchFeed(url)).text).find((event) => event.uid === uid) as ParsedEvent;

    const ambassador = await t.as('ambassadorU1');
    const cancel = await ambassador.patch(`/api/sessions/${t.fixture.sessions.sessionU1}`, { cancelled: true, cancelReason: 'Sjukdom; personalbrist, igen' });
    expect(cancel.status).toBe(200);

    const after = parse((await fetchFeed(url)).text).find((event) => event.uid === uid) as ParsedEvent;
    expect(after.status).toBe('CANCELLED');
    expect(after.summary).toMatch(/^Inställt: /);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start).toEqual(before.start);

    // Moving a session raises the sequence again.
    const restored = await ambassador.patch(`/api/sessions/${t.fixture.sessions.sessionU1}`, { cancelled: false, startTime: '15:00' });
    expect(restored.status).toBe(200);
    const moved = parse((await fetchFeed(url)).text).find((event) => event.uid === uid) as ParsedEvent;
    expect(moved.status).toBe('CONFIRMED');
    expect(moved.sequence).toBeGreaterThan(after.sequence);
    expect(moved.start.getTime() - before.start.getTime()).toBe(3600 * 1000);
  });

  it('rotating ends the old URL, revoking ends the feed; unknown tokens answer 404', async () => {
    const staff = await t.as('staffU1');
    const first = ((await staff.post('/api/calendar/feeds/me')).body as CalendarFeedCreated).url;
    const second = ((await staff.post('/api/calendar/feeds/me')).body as CalendarFeedCreated).url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    expect((await staff.delete('/api/calendar/feeds/me')).status).toBe(204);
    expect((await fetchFeed(second)).status).toBe(404);
    expect(((await staff.get('/api/calendar/feeds/me')).body as CalendarFeedStatus).active).toBe(false);
    // Revoking again (a retry) is harmless.
    expect((await staff.delete('/api/calendar/feeds/me')).status).toBe(204);

    expect((await t.http().get(`/api/calendar/feed/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await t.http().get('/api/calendar/feed/not-a-token')).status).toBe(404);
  });

  describe('a person’s feed ends with their account', () => {
    let sequence = 0;
    /** A new person in U1 with the fixture's password, signed in, with a live feed. */
    async function personWithFeed(): Promise<{ id: string; url: string }> {
      sequence++;
      const email = `feed.owner${sequence}@test.example`;
      const { rows } = await sql.query(
        `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type, start_date)
         values ($1, $2, 'Flöde', 'Ägare', $3, 'undersköterska', 'permanent', '2024-01-01') returning id`,
        [t.fixture.orgA, `FEED${sequence}`, email],
      );
      const id = rows[0].id as string;
      await sql.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
        t.fixture.orgA,
        id,
        t.fixture.unitU1,
      ]);
      await sql.query(
        `insert into credential (person_id, organisation_id, password_hash, password_changed_at)
         select $1, organisation_id, password_hash, now() from credential where person_id = $2`,
        [id, t.fixture.people.staffU1.id],
      );
      const signedIn = await t.http().post('/api/auth/sign-in').send({ identifier: email, password: FIXTURE_PASSWORD });
      const cookie = ([] as string[])
        .concat(signedIn.headers['set-cookie'] ?? [])
        .map((c) => c.split(';')[0])
        .join('; ');
      const created = await t.http().post('/api/calendar/feeds/me').set('Cookie', cookie).set(CSRF_HEADER, signedIn.body.csrfToken);
      expect(created.status).toBe(201);
      const url = (created.body as CalendarFeedCreated).url;
      expect((await fetchFeed(url)).status).toBe(200);
      return { id, url };
    }
    const revoked = async (personId: string) =>
      (await sql.query(`select revoked_at is not null as revoked from calendar_feed where person_id = $1`, [personId])).rows.map((row) => row.revoked);

    it('stops answering, and is revoked, when the person is disabled (and stays revoked if enabled again)', async () => {
      const admin = await t.as('adminA');
      const owner = await personWithFeed();
      expect((await admin.post(`/api/people/${owner.id}/disable`)).status).toBe(200);
      expect((await fetchFeed(owner.url)).status).toBe(404);
      expect(await revoked(owner.id)).toEqual([true]);
      expect((await admin.post(`/api/people/${owner.id}/enable`)).status).toBe(200);
      expect((await fetchFeed(owner.url)).status).toBe(404);
    });

    it('stops answering when the employment ends: at once for a past last day, and the day after a future one', async () => {
      const admin = await t.as('adminA');
      const [{ yesterday, tomorrow }] = (await sql.query(`select (current_date - 1)::text as yesterday, (current_date + 1)::text as tomorrow`)).rows as Array<{
        yesterday: string;
        tomorrow: string;
      }>;
      const ended = await personWithFeed();
      expect((await admin.post(`/api/people/${ended.id}/end`, { endDate: yesterday })).status).toBe(200);
      expect((await fetchFeed(ended.url)).status).toBe(404);
      expect(await revoked(ended.id)).toEqual([true]);

      const leaving = await personWithFeed();
      expect((await admin.post(`/api/people/${leaving.id}/end`, { endDate: tomorrow })).status).toBe(200);
      expect((await fetchFeed(leaving.url)).status).toBe(200);
      // The last day passes.
      await sql.query(`update person set end_date = current_date - 1 where id = $1`, [leaving.id]);
      expect((await fetchFeed(leaving.url)).status).toBe(404);
    });

    it('never writes a feed token to the request log', async () => {
      const logged = await createTestApp({ LOG_LEVEL: 'info' });
      const lines: string[] = [];
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
      try {
        const token = 'Z'.repeat(43);
        expect((await logged.http().get(`/api/calendar/feed/${token}`)).status).toBe(404);
        expect((await logged.http().get(`/api/calendar/feed/${token}?x=1`)).status).toBe(404);
        const requests = lines.filter((line) => line.includes('/api/calendar/feed'));
        expect(requests).toHaveLength(2);
        for (const line of requests) {
          expect(line).not.toContain(token);
          expect(JSON.parse(line).path).toBe('/api/calendar/feed/[token]');
        }
      } finally {
        write.mockRestore();
        await logged.close();
      }
    });
  });

  it("a unit's feed is managed by its managers and ambassadors and shows the unit's sessions only", async () => {
    const manager = await t.as('managerU1');
    const created = await manager.post(`/api/calendar/feeds/units/${t.fixture.unitU1}`);
    expect(created.status).toBe(201);
    const events = parse((await fetchFeed((created.body as CalendarFeedCreated).url)).text);
    const uids = events.map((event) => event.uid);
    expect(uids).toContain(`session-${t.fixture.sessions.sessionU1}@kunna`);
    expect(uids).not.toContain(`session-${t.fixture.sessions.sessionU2}@kunna`);
    expect(uids).not.toContain(`session-${t.fixture.sessions.sessionU4}@kunna`);

    // The ambassador rotates it: the manager's URL stops working.
    const ambassador = await t.as('ambassadorU1');
    const rotated = await ambassador.post(`/api/calendar/feeds/units/${t.fixture.unitU1}`);
    expect(rotated.status).toBe(201);
    expect((await fetchFeed((created.body as CalendarFeedCreated).url)).status).toBe(404);

    expect((await (await t.as('staffU1')).post(`/api/calendar/feeds/units/${t.fixture.unitU1}`)).status).toBe(403);
    expect((await manager.post(`/api/calendar/feeds/units/${t.fixture.unitU2}`)).status).toBe(403);
    expect((await manager.post(`/api/calendar/feeds/units/${t.fixture.unitU4}`)).status).toBe(404);
  });

  it("organisation B's feed shows organisation B's sessions only (in the person's language)", async () => {
    await sql.query(`update person set preferred_language = 'en' where id = $1`, [t.fixture.people.staffU4.id]);
    const staffB = await t.as('staffU4');
    const { url } = (await staffB.post('/api/calendar/feeds/me')).body as CalendarFeedCreated;
    const text = (await fetchFeed(url)).text;
    expect(text).toContain('\r\nDESCRIPTION:');
    expect(text.replace(/\r\n /g, '')).toContain('\\nUnit: ');
    const uids = parse(text).map((event) => event.uid);
    expect(uids).toContain(`session-${t.fixture.sessions.sessionU4}@kunna`);
    expect(uids.filter((uid) => uid.includes(t.fixture.sessions.sessionU1) || uid.includes(t.fixture.sessions.sessionU2))).toEqual([]);
    const orgA = await sql.query(`select id from sessions where organisation_id = $1`, [t.fixture.orgA]);
    for (const { id } of orgA.rows as Array<{ id: string }>) expect(uids).not.toContain(`session-${id}@kunna`);
  });
});
