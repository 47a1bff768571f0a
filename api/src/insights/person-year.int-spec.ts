import { Client } from 'pg';
import { createTestApp, TestApp } from '../test-support/test-app';
import { aggregateDifferences } from './aggregates.repository';
import { CostsService } from './costs/costs.service';

/**
 * Each person's participation per year (migration 1763902700000). Writers of one person's days only mark the year
 * (no shared row to wait for); reads take a marked year from the days; settling recomputes the marked years from the
 * days in one snapshot, so a writer that commits after the settling began keeps its mark and is not lost.
 */
describe('participation per person and year under concurrent writers', () => {
  let t: TestApp;
  let db: Client;
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
    db = await connect();
    year = Number((await db.query(`select extract(year from current_date)::int as year`)).rows[0].year);
    // Marked stale beforehand: the writers' marking of the organisation's kept views is otherwise the row the second
    // writer waits for (an insert of the same new key).
    await db.query(`insert into insight_stale (organisation_id) values ($1) on conflict do nothing`, [t.fixture.orgA]);
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

  async function yearRow(): Promise<{ minutes: number; first: string; last: string } | undefined> {
    const { rows } = await db.query(
      `select minutes, first_date::text as first, last_date::text as last from insight_participation_person_year
        where organisation_id = $1 and person_id = $2 and year = $3`,
      [t.fixture.orgA, t.fixture.people.staffU1.id, year],
    );
    return rows[0];
  }

  /** Settles through the recurring job's service, as the job does (each organisation as itself). */
  async function settle(): Promise<void> {
    await t.app.get(CostsService).settleParticipationYears();
  }

  it('two writers of one person-year at once do not wait for each other, and both count', async () => {
    const [first, second] = [await connect(), await connect()];
    await first.query('begin');
    await support(first, `${year}-03-02`, 60);
    await second.query('begin');
    await support(second, `${year}-02-01`, 30);
    await first.query('commit');
    await second.query('commit');
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
    await settle();
    expect(await yearRow()).toEqual({ minutes: 90, first: `${year}-02-01`, last: `${year}-03-02` });
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
  });

  it('a write that commits after the settling began keeps its mark and is settled next time', async () => {
    const writer = await connect();
    await writer.query('begin');
    await support(writer, `${year}-04-01`, 30);
    await support(db, `${year}-01-05`, 60);
    await settle();
    // The settling saw the committed day (January), not the open one (April).
    expect(await yearRow()).toEqual({ minutes: 150, first: `${year}-01-05`, last: `${year}-03-02` });
    await writer.query('commit');
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
    await settle();
    expect(await yearRow()).toEqual({ minutes: 180, first: `${year}-01-05`, last: `${year}-04-01` });
  });

  it('a removed day narrows the year, and a year without days loses its row', async () => {
    const person = t.fixture.people.staffU1.id;
    await db.query(`delete from support_entries where person_id = $1 and date in ($2, $3)`, [person, `${year}-01-05`, `${year}-04-01`]);
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
    await settle();
    expect(await yearRow()).toEqual({ minutes: 90, first: `${year}-02-01`, last: `${year}-03-02` });
    await db.query(`delete from support_entries where person_id = $1`, [person]);
    await settle();
    expect(await yearRow()).toBeUndefined();
    expect(await aggregateDifferences(db, t.fixture.orgA)).toEqual([]);
  });
});
