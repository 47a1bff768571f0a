import type { Client } from 'pg';

/**
 * Check objects of the tenant fixture, one per scope the authorization matrix checks: a published instrument in
 * organisation A and B, assignments with an open before round in U1, U2 (A) and U4 (B), each with one finished
 * kiosk response (of the unit's manager), and a retired core item of the network.
 */
export interface ChecksFixture {
  retiredCoreItem: string;
  instrumentA: string;
  versionA: string;
  instrumentB: string;
  versionB: string;
  assignmentU1: string;
  assignmentU2: string;
  assignmentU4: string;
  roundU1: string;
  roundU2: string;
  roundU4: string;
  codeU1: string;
  codeU2: string;
  codeU4: string;
  responseU1: string;
  responseU2: string;
  responseU4: string;
}

interface Base {
  networkId: string;
  orgA: string;
  orgB: string;
  unitU1: string;
  unitU2: string;
  unitU4: string;
  managerU1: string;
  managerU2: string;
  managerU4: string;
}

const ITEMS = [
  {
    key: 's1',
    kind: 'self_rating',
    textSv: 'Jag kan signera digitalt',
    textEn: null,
    dimension: 'skills',
    digCompCode: null,
    thenOf: null,
    form: null,
    multiple: false,
    options: [],
    explanationSv: null,
    explanationEn: null,
    coreItemId: null,
  },
];

export async function loadChecksFixture(client: Client, base: Base): Promise<ChecksFixture> {
  const one = async (sql: string, params: unknown[]) => ((await client.query(sql, params)).rows[0] as { id: string }).id;
  const retiredCoreItem = await one(`insert into check_core_item (network_id, item, retired_at) values ($1, $2, now()) returning id`, [
    base.networkId,
    JSON.stringify({ ...ITEMS[0], key: 'core' }),
  ]);
  const instrument = async (organisationId: string) => {
    const id = await one(`insert into check_instrument (organisation_id, title) values ($1, 'Digital signering') returning id`, [organisationId]);
    const versionId = await one(
      `insert into check_instrument_version (organisation_id, instrument_id, version, title, support_threshold, items)
       values ($1, $2, 1, 'Digital signering', 2, $3) returning id`,
      [organisationId, id, JSON.stringify(ITEMS)],
    );
    return { id, versionId };
  };
  const a = await instrument(base.orgA);
  const b = await instrument(base.orgB);
  const assign = async (organisationId: string, unitId: string, versionId: string, code: string, managerId: string) => {
    const assignmentId = await one(
      `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values (gen_random_uuid(), $1, $2, $3, 'Matris') returning id`,
      [organisationId, unitId, versionId],
    );
    const roundId = await one(
      `insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, 'before', $3, current_date) returning id`,
      [organisationId, assignmentId, code],
    );
    const responseId = await one(
      `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at)
       values (gen_random_uuid(), $1, $2, $3, 'submitted', 'A', 'kiosk', now()) returning id`,
      [organisationId, roundId, managerId],
    );
    return { assignmentId, roundId, responseId };
  };
  const u1 = await assign(base.orgA, base.unitU1, a.versionId, 'MTXUNIT1', base.managerU1);
  const u2 = await assign(base.orgA, base.unitU2, a.versionId, 'MTXUNIT2', base.managerU2);
  const u4 = await assign(base.orgB, base.unitU4, b.versionId, 'MTXUNIT4', base.managerU4);
  return {
    retiredCoreItem,
    instrumentA: a.id,
    versionA: a.versionId,
    instrumentB: b.id,
    versionB: b.versionId,
    assignmentU1: u1.assignmentId,
    assignmentU2: u2.assignmentId,
    assignmentU4: u4.assignmentId,
    roundU1: u1.roundId,
    roundU2: u2.roundId,
    roundU4: u4.roundId,
    codeU1: 'MTXUNIT1',
    codeU2: 'MTXUNIT2',
    codeU4: 'MTXUNIT4',
    responseU1: u1.responseId,
    responseU2: u2.responseId,
    responseU4: u4.responseId,
  };
}
