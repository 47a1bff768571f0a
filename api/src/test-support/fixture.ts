import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { ChecksFixture, loadChecksFixture } from './checks-fixture';
import { LibraryFixture, loadLibraryFixture } from './library-fixture';
import { loadSessionsFixture, SessionsFixture } from './sessions-fixture';

/** A deliberately cheap hash for test accounts (the real parameters are tested in the hasher's own spec). */
export const FIXTURE_PASSWORD = 'Testlösen-ord-42';
let fixtureHash: Promise<string> | null = null;
const passwordHash = () => (fixtureHash ??= hash(FIXTURE_PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1, algorithm: 2 }));

/**
 * The tenant fixture every authorization and integration test starts from:
 *
 * network N ─┬─ organisation A ─┬─ area A1 ─┬─ unit U1 (own scope for unit roles)
 *            │                  │           └─ unit U2 (sibling unit)
 *            │                  └─ area A2 ─── unit U3 (sibling area)
 *            └─ organisation B ─── area B1 ─── unit U4 (other organisation)
 *
 * People with accounts (all with FIXTURE_PASSWORD): one per role in A scoped to U1/A1/A, a coordinator on N,
 * a staff member in U2, and a manager, admin and staff member in B.
 */
export interface Fixture {
  networkId: string;
  orgA: string;
  orgB: string;
  areaA1: string;
  areaA2: string;
  areaB1: string;
  unitU1: string;
  unitU2: string;
  unitU3: string;
  unitU4: string;
  people: Record<FixturePersonKey, { id: string; email: string; employeeNumber: string }>;
  /** Modules, programs, assignments, appointments and qualifications (see library-fixture.ts). */
  library: LibraryFixture;
  /** Sessions and series in U1, U2 and U4 (see sessions-fixture.ts). */
  sessions: SessionsFixture;
  /** Check instruments, assignments, rounds and kiosk responses (see checks-fixture.ts). */
  checks: ChecksFixture;
}

export type FixturePersonKey =
  | 'staffU1'
  | 'ambassadorU1'
  | 'managerU1'
  | 'areaManagerA1'
  | 'hrA'
  | 'adminA'
  | 'coordinator'
  | 'staffU2'
  | 'managerU2'
  | 'staffU3'
  | 'managerU4'
  | 'adminB'
  | 'staffU4';

export async function loadFixture(databaseUrl: string): Promise<Fixture> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const one = async (sql: string, params: unknown[]) => ((await client.query(sql, params)).rows[0] as { id: string }).id;
    const networkId = await one(`insert into network (name) values ('Testnätverket') returning id`, []);
    const org = (name: string) => one(`insert into organisation (network_id, name, kind) values ($1, $2, 'municipality') returning id`, [networkId, name]);
    const orgA = await org('Kommun A');
    const orgB = await org('Kommun B');
    const area = (organisationId: string, name: string) =>
      one(`insert into area (organisation_id, name, kind) values ($1, $2, 'elderly_care') returning id`, [organisationId, name]);
    const areaA1 = await area(orgA, 'Område A1');
    const areaA2 = await area(orgA, 'Område A2');
    const areaB1 = await area(orgB, 'Område B1');
    const unit = (organisationId: string, areaId: string, name: string, code: string) =>
      one(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, $3, $4) returning id`, [organisationId, areaId, name, code]);
    const unitU1 = await unit(orgA, areaA1, 'Enhet U1', 'U1');
    const unitU2 = await unit(orgA, areaA1, 'Enhet U2', 'U2');
    const unitU3 = await unit(orgA, areaA2, 'Enhet U3', 'U3');
    const unitU4 = await unit(orgB, areaB1, 'Enhet U4', 'U4');

    const hashed = await passwordHash();
    let seq = 100;
    const person = async (key: FixturePersonKey, organisationId: string, unitId: string | null, role?: [string, string, string]) => {
      seq++;
      const email = `${key.toLowerCase()}@test.example`;
      const employeeNumber = `T${seq}`;
      const id = await one(
        `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type, start_date, gender)
         values ($1, $2, $3, 'Testsson', $4, 'undersköterska', 'permanent', '2024-01-01', 'female') returning id`,
        [organisationId, employeeNumber, key, email],
      );
      if (unitId) {
        await client.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
          organisationId,
          id,
          unitId,
        ]);
      }
      await client.query(`insert into credential (person_id, organisation_id, password_hash, password_changed_at) values ($1, $2, $3, now())`, [
        id,
        organisationId,
        hashed,
      ]);
      if (role) {
        await client.query(
          `insert into role_assignment (organisation_id, person_id, role, scope_type, scope_id, start_date) values ($1, $2, $3, $4, $5, '2024-01-01')`,
          [organisationId, id, ...role],
        );
      }
      return { id, email, employeeNumber };
    };
    const people = {
      staffU1: await person('staffU1', orgA, unitU1),
      ambassadorU1: await person('ambassadorU1', orgA, unitU1, ['ambassador', 'unit', unitU1]),
      managerU1: await person('managerU1', orgA, unitU1, ['manager', 'unit', unitU1]),
      areaManagerA1: await person('areaManagerA1', orgA, null, ['area_manager', 'area', areaA1]),
      hrA: await person('hrA', orgA, null, ['hr', 'organisation', orgA]),
      adminA: await person('adminA', orgA, null, ['org_admin', 'organisation', orgA]),
      coordinator: await person('coordinator', orgA, null, ['network_coordinator', 'network', networkId]),
      staffU2: await person('staffU2', orgA, unitU2),
      managerU2: await person('managerU2', orgA, unitU2, ['manager', 'unit', unitU2]),
      staffU3: await person('staffU3', orgA, unitU3),
      managerU4: await person('managerU4', orgB, unitU4, ['manager', 'unit', unitU4]),
      adminB: await person('adminB', orgB, null, ['org_admin', 'organisation', orgB]),
      staffU4: await person('staffU4', orgB, unitU4),
    };
    const library = await loadLibraryFixture(client, {
      networkId,
      orgA,
      orgB,
      unitU1,
      unitU2,
      unitU4,
      ambassadorU1: people.ambassadorU1.id,
      staffU2: people.staffU2.id,
      staffU4: people.staffU4.id,
    });
    const sessions = await loadSessionsFixture(client, {
      orgA,
      orgB,
      unitU1,
      unitU2,
      unitU4,
      networkModuleVersionId: library.networkModule.versionId,
      ambassadorU1: people.ambassadorU1.id,
      staffU2: people.staffU2.id,
      staffU4: people.staffU4.id,
    });
    const checks = await loadChecksFixture(client, {
      networkId,
      orgA,
      orgB,
      unitU1,
      unitU2,
      unitU4,
      managerU1: people.managerU1.id,
      managerU2: people.managerU2.id,
      managerU4: people.managerU4.id,
    });
    await client.query('commit');
    return { networkId, orgA, orgB, areaA1, areaA2, areaB1, unitU1, unitU2, unitU3, unitU4, people, library, sessions, checks };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
