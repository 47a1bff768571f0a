import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { sql } from './people-test-helpers';

/**
 * Reads of one person's data, or of a list naming people, are written to the audit log with who read what, like the
 * team dashboard (`insights.team.read`): an administrator can answer "who looked at my record?". A person reading
 * their own data is not logged (it is theirs).
 */
describe('audit of reads of individual data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = async (action: string, actor: string) =>
    sql<{ target_type: string | null; target_id: string | null; details: Record<string, unknown> }>(
      t,
      `select target_type, target_id, details from audit_log where action = $1 and actor_person_id = $2 order by id`,
      [action, actor],
    );

  it('logs each read of a person’s record, support entries, participation, catch-up list and competence gap by someone else', async () => {
    const manager = await t.as('managerU1');
    const managerId = t.fixture.people.managerU1.id;
    const staff = t.fixture.people.staffU1;
    const unit = t.fixture.unitU1;
    const reads: Array<[string, string, string, string]> = [
      [`/api/people/${staff.id}`, 'person.read', 'person', staff.id],
      [`/api/support-entries?unitId=${unit}`, 'support.read', 'unit', unit],
      [`/api/participation?unitId=${unit}`, 'participation.read', 'unit', unit],
      [`/api/sessions/units/${unit}/catch-up`, 'catch_up.read', 'unit', unit],
      [`/api/insights/units/${unit}/competence-gap`, 'competence_gap.read', 'unit', unit],
    ];
    for (const [path, action, targetType, targetId] of reads) {
      const response = await manager.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      const logged = await entries(action, managerId);
      expect({ path, logged: logged.map(({ target_type, target_id }) => ({ target_type, target_id })) }).toEqual({
        path,
        logged: [{ target_type: targetType, target_id: targetId }],
      });
    }
  });

  it('does not log a person reading their own record and support', async () => {
    const staff = await t.as('staffU2');
    const id = t.fixture.people.staffU2.id;
    expect((await staff.get(`/api/people/${id}`)).status).toBe(200);
    expect((await staff.get('/api/support-entries')).status).toBe(200);
    expect(await entries('person.read', id)).toEqual([]);
    expect(await entries('support.read', id)).toEqual([]);
  });
});
