import { Client } from 'pg';
import { createTestApp, TestApp } from '../test-support/test-app';
import { aggregateDifferences } from './aggregates.repository';

/**
 * Each person's participation per year (migration 1763902700000) is recomputed from their days by every write. Two
 * writers of one person's days in the same year must not lose each other's change: the second waits for the first's
 * lock on the year row and then recomputes from a snapshot that holds the first's committed days.
 */
describe('participation per person and year under concurrent writers', () => {
  let t: TestApp;
  let year: number;
  const clients: Client[] = [];

  async function connect(): Promise<Client> {
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = await connect();
    year = Number((await db.query(`select extract(year from current_date)::int as year`)).rows[0].year);
  });
  afterAll(async () => {
    for (const client of clients) await client.end();
    await t?.close();
  });

  async function support(client: Client, date: string, minutes: number): Promise<void> {
    const f = t.fixture;
    await client.query(
      `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic) values ($1, $2, $3, $4, $5, $6, 'Appar')`,
      [f.orgA, f.unitU1, f.people.staffU1.id, f.people.ambassadorU1.id, date, minutes],
    );
  }

  async function yearRow(client: Client): Promise<{ minutes: number; first: string; last: string } | undefined> {
    const { rows } = await client.query(
      `select minutes, first_date::text as first, last_date::text as last from insight_participation_person_year
        where organisation_id = $1 and person_id = $2 and year = $3`,
      [t.fixture.orgA, t.fixture.people.staffU1.id, year],
    );
    return rows[0];
  }

  /** The second writer's statement waits for the first's commit, and the year row then holds both writers' days. */
  async function interleave(firstDate: string, secondDate: string): Promise<void> {
    const [first, second] = [await connect(), await connect()];
    // Marked stale beforehand: the writers' marking would otherwise be the row the second waits for (an insert of the
    // same new key), and the test would not see whether the year row's own lock holds.
    await first.query(`insert into insight_stale (organisation_id) values ($1) on conflict do nothing`, [t.fixture.orgA]);
    await first.query('begin');
    await support(first, firstDate, 60);
    await second.query('begin');
    let secondWrote = false;
    const secondWrite = support(second, secondDate, 30).then(() => (secondWrote = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondWrote).toBe(false);
    await first.query('commit');
    await secondWrite;
    await second.query('commit');
  }

  it('a new year row written by two transactions at once holds both', async () => {
    const db = clients[0];
    expect(await yearRow(db)).toBeUndefined();
    await interleave(`${year}-03-02`, `${year}-02-01`);
    expect(await yearRow(db)).toEqual({ minutes: 90, first: `${year}-02-01`, last: `${year}-03-02` });
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
  });

  it('an existing year row changed by two transactions at once holds both, and a removed day narrows it', async () => {
    const db = clients[0];
    await interleave(`${year}-01-05`, `${year}-04-01`);
    expect(await yearRow(db)).toEqual({ minutes: 180, first: `${year}-01-05`, last: `${year}-04-01` });
    await db.query(`delete from support_entries where person_id = $1 and date in ($2, $3)`, [t.fixture.people.staffU1.id, `${year}-01-05`, `${year}-04-01`]);
    expect(await yearRow(db)).toEqual({ minutes: 90, first: `${year}-02-01`, last: `${year}-03-02` });
    await db.query(`delete from support_entries where person_id = $1`, [t.fixture.people.staffU1.id]);
    expect(await yearRow(db)).toBeUndefined();
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
  });
});
