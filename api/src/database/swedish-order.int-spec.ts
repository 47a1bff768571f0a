import { Client } from 'pg';
import { UnitDetail } from '@kunna/contracts';
import { createTestApp, TestApp } from '../test-support/test-app';

/**
 * Names sort in Swedish order (migration 1763902800000): A … Z, Å, Ä, Ö, whatever the case of the initial. In byte
 * order (the database's C.UTF-8) Ä came before Å and every lower-case initial after Ö.
 */
describe('Swedish order of names', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      for (const [index, lastName] of ['Östlund', 'ängel', 'Zetterberg', 'Ärlig', 'Åberg', 'Aronsson'].entries()) {
        const { rows } = await db.query(
          `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
           values ($1, $2, 'Sortera', $3, 'undersköterska', 'permanent', '2024-01-01') returning id`,
          [t.fixture.orgA, `SORT${index}`, lastName],
        );
        await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
          t.fixture.orgA,
          rows[0].id,
          t.fixture.unitU1,
        ]);
      }
    } finally {
      await db.end();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists a unit’s staff A … Z, Å, Ä, Ö', async () => {
    const page = (await (await t.as('managerU1')).get(`/api/units/${t.fixture.unitU1}`).expect(200)).body as UnitDetail;
    const sorted = page.staff.filter((person) => person.firstName === 'Sortera').map((person) => person.lastName);
    expect(sorted).toEqual(['Aronsson', 'Zetterberg', 'Åberg', 'ängel', 'Ärlig', 'Östlund']);
  });
});
