import { Client } from 'pg';
import { loadDemoDataIfEmpty } from '../../api/src/demo/demo-data';
import { createTestDatabase, TestDatabase } from '../../api/src/test-support/test-database';
import { seedLarge, SeedResult } from './seed-large';

const TODAY = '2026-11-20';

/** Generates a tiny network into a fresh database and reads back its first rows (no demo ids or core item keys, which are random). */
async function generate(seed: number): Promise<{ result: SeedResult; rows: unknown[]; orphans: number[] }> {
  const db: TestDatabase = await createTestDatabase();
  try {
    await loadDemoDataIfEmpty(db.url, new Date(`${TODAY}T12:00:00Z`));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const result = await seedLarge(client, { staff: 100, seed, today: TODAY });
      const first = async (sql: string) => (await client.query(sql)).rows;
      const rows = [
        ...(await first(
          `select id, employee_number, first_name, last_name, employment_type, start_date::text, end_date::text from person where employee_number like 'L%' order by id limit 5`,
        )),
        ...(await first(`select id, unit_id, date::text, status, duration_minutes from sessions where place = 'Personalrummet' order by id limit 5`)),
        ...(await first(
          `select a.id, a.session_id, a.person_id, a.status, a.minutes from attendance_marks a join sessions s on s.id = a.session_id where s.place = 'Personalrummet' order by a.id limit 5`,
        )),
        ...(await first(
          `select response_id, item_key, value from check_answer a join check_response r on r.id = a.response_id where r.via = 'link' and a.item_key not like 'core-%' order by 1, 2 limit 5`,
        )),
      ];
      // Invariants the API relies on: every mark is for someone invited to a held session; every answer's item exists.
      const orphans = (
        await client.query(
          `select (select count(*) from attendance_marks a where a.person_id is not null and not exists (select 1 from session_invitees i where i.session_id = a.session_id and i.person_id = a.person_id))::int as uninvited,
                  (select count(*) from attendance_marks a join sessions s on s.id = a.session_id where s.status = 'cancelled' or s.date > $1::date)::int as not_held,
                  (select count(*) from check_answer a join check_response r on r.id = a.response_id join check_round k on k.id = r.round_id
                     join check_assignment c on c.id = k.assignment_id join check_instrument_version v on v.id = c.instrument_version_id
                    where not exists (select 1 from jsonb_array_elements(v.items) i where i ->> 'key' = a.item_key))::int as unknown_items`,
          [TODAY],
        )
      ).rows
        .map((row: Record<string, number>) => Object.values(row))
        .flat();
      return { result, rows, orphans };
    } finally {
      await client.end();
    }
  } finally {
    await db.drop();
  }
}

describe('seed:large generator', () => {
  it('gives the same rows for the same seed, other rows for another, and data that keeps the invariants', async () => {
    const [a, b, c] = [await generate(7), await generate(7), await generate(8)];
    expect(a.rows.length).toBe(20);
    expect(b.rows).toEqual(a.rows);
    expect(c.rows).not.toEqual(a.rows);
    expect(a.result.counts).toEqual(b.result.counts);
    expect(a.orphans).toEqual([0, 0, 0]);
    expect(a.result.counts['organisations']).toBe(13); // the three demo organisations and the ten generated ones
    expect(a.result.counts['attendance_marks']).toBeGreaterThan(1000);
    expect(a.result.counts['check_answers']).toBeGreaterThan(100);
    expect(a.result.accounts).toHaveLength(30);
    expect(new Set(a.result.accounts.map((account) => account.role))).toEqual(new Set(['manager', 'hr', 'ambassador']));
  });
});
