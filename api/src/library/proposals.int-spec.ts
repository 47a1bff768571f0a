import { ModuleDetail, ModuleProposal, ModuleProposalStatus, Ownership } from '@kunna/contracts';
import { Db } from '../database/db';
import { createTestApp, SignedInClient, sql, TestApp } from '../test-support/test-app';

describe('proposing an organisation’s module to the network (integration)', () => {
  let t: TestApp;
  let coordinator: SignedInClient;
  let hrA: SignedInClient;
  let adminA: SignedInClient;
  let adminB: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.as('coordinator');
    hrA = await t.as('hrA');
    adminA = await t.as('adminA');
    adminB = await t.as('adminB');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newLocalModule(client: SignedInClient, title: string, publish = true): Promise<string> {
    const created = await client.post('/api/library/modules', {
      ownership: Ownership.Organisation,
      content: {
        title,
        summary: 'Om att logga in i journalen.',
        learningGoals: ['Du loggar in själv.'],
        competenceDimensions: ['skills'],
        digCompCodes: ['4.2'],
        targetGroups: ['staff'],
        format: 'workplace_session',
        durationMinutes: 20,
        glossary: [],
        facilitatorGuide: '# Handledning',
        exercises: [],
        links: [],
        knowledgeItems: [],
        repeatIntervalWeeks: null,
      },
    });
    expect(created.status).toBe(201);
    const id = (created.body as ModuleDetail).module.id;
    if (publish) expect((await client.post(`/api/library/modules/${id}/publish`, {})).status).toBe(200);
    return id;
  }

  describe('accepting', () => {
    const moduleId = () => t.fixture.library.moduleA.id;
    let proposal: ModuleProposal;

    it('lets HR propose the organisation’s own module; proposing it again answers the same pending proposal', async () => {
      const response = await hrA.post(`/api/library/modules/${moduleId()}/proposal`, { note: 'Fungerar bra hos oss.' });
      expect(response.status).toBe(200);
      proposal = response.body as ModuleProposal;
      expect(proposal).toMatchObject({
        status: ModuleProposalStatus.Pending,
        moduleId: moduleId(),
        versionId: t.fixture.library.moduleA.versionId,
        versionNumber: 1,
        title: 'Egen modul A',
        organisationId: t.fixture.orgA,
        note: 'Fungerar bra hos oss.',
        decidedAt: null,
        sharedModuleId: null,
      });
      expect(proposal.proposedByName).toBeTruthy();

      const again = await adminA.post(`/api/library/modules/${moduleId()}/proposal`, {});
      expect(again.status).toBe(200);
      expect((again.body as ModuleProposal).id).toBe(proposal.id);
      const [{ n }] = await sql<{ n: number }>(t, `select count(*)::int as n from library_module_proposal where module_id = $1`, [moduleId()]);
      expect(n).toBe(1);
      expect(((await hrA.get(`/api/library/modules/${moduleId()}`)).body as ModuleDetail).proposal).toMatchObject({
        id: proposal.id,
        status: 'pending',
      });
      const audit = await sql(t, `select action from audit_log where action = 'library.module.proposed' and target_id = $1`, [moduleId()]);
      expect(audit).toHaveLength(1);
    });

    it('shows the pending proposal to the network coordinator only', async () => {
      const list = await coordinator.get('/api/library/proposals');
      expect(list.status).toBe(200);
      expect((list.body as ModuleProposal[]).map((row) => row.id)).toEqual([proposal.id]);
      expect((list.body as ModuleProposal[])[0].organisationName).toBeTruthy();
      expect((await hrA.get('/api/library/proposals')).status).toBe(403);
      expect((await adminB.get('/api/library/proposals')).status).toBe(403);
    });

    it('refuses the decision to anyone but the coordinator', async () => {
      expect((await hrA.post(`/api/library/proposals/${proposal.id}/accept`, {})).status).toBe(403);
      expect((await adminB.post(`/api/library/proposals/${proposal.id}/accept`, {})).status).toBe(403);
      expect((await adminA.post(`/api/library/proposals/${proposal.id}/decline`, { reason: 'Nej' })).status).toBe(403);
    });

    it('accepts: a network-owned copy with the attachments joins the shared library, with its provenance', async () => {
      const response = await coordinator.post(`/api/library/proposals/${proposal.id}/accept`, {});
      expect(response.status).toBe(200);
      const accepted = response.body as ModuleProposal;
      expect(accepted).toMatchObject({ id: proposal.id, status: 'accepted', declineReason: null });
      expect(accepted.decidedByName).toBeTruthy();
      expect(accepted.decidedAt).toBeTruthy();
      const sharedId = accepted.sharedModuleId as string;
      expect(sharedId).not.toBe(moduleId());

      // Another organisation of the network reads the shared copy, its provenance and its attachment.
      const shared = (await adminB.get(`/api/library/modules/${sharedId}`)).body as ModuleDetail;
      expect(shared.module).toMatchObject({
        ownership: Ownership.Network,
        organisationId: null,
        title: 'Egen modul A',
        proposedBy: { organisationId: t.fixture.orgA },
      });
      expect(shared.module.proposedBy?.organisationName).toBe(
        (await sql<{ name: string }>(t, `select name from organisation where id = $1`, [t.fixture.orgA]))[0].name,
      );
      expect(shared.published?.versionNumber).toBe(1);
      expect(shared.published?.attachments).toHaveLength(1);
      const download = await adminB.get(`/api/library/attachments/${shared.published?.attachments[0].id}`);
      expect(download.status).toBe(200);
      expect((await adminB.get(`/api/library/modules/${moduleId()}`)).status).toBe(404);

      const [provenance] = await sql<{ proposed_by_organisation_id: string; proposed_from_module_id: string }>(
        t,
        `select proposed_by_organisation_id, proposed_from_module_id from library_module where id = $1`,
        [sharedId],
      );
      expect(provenance).toEqual({ proposed_by_organisation_id: t.fixture.orgA, proposed_from_module_id: moduleId() });
      const [row] = await sql<{ proposed_by: string; decided_by: string }>(t, `select proposed_by, decided_by from library_module_proposal where id = $1`, [
        proposal.id,
      ]);
      expect(row).toEqual({ proposed_by: t.fixture.people.hrA.id, decided_by: t.fixture.people.coordinator.id });
      expect((await coordinator.get('/api/library/proposals')).body).toEqual([]);
    });

    it('refuses deciding twice, proposing the accepted module again, and proposing a shared module', async () => {
      const twice = await coordinator.post(`/api/library/proposals/${proposal.id}/decline`, { reason: 'Ändrade mig' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('proposal_decided');
      const again = await hrA.post(`/api/library/modules/${moduleId()}/proposal`, {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_accepted');
      expect(again.body.messageCode).toBe('library.moduleAlreadyInSharedLibrary');
      // A shared module is the coordinator's to edit: HR is refused before anything else.
      expect((await hrA.post(`/api/library/modules/${t.fixture.library.networkModule.id}/proposal`, {})).status).toBe(403);
    });
  });

  describe('declining and refusals', () => {
    it('declines with a reason that the proposing organisation sees; it may propose again', async () => {
      const moduleId = await newLocalModule(hrA, 'Logga in i journalen');
      const proposal = (await hrA.post(`/api/library/modules/${moduleId}/proposal`, {})).body as ModuleProposal;
      expect((await coordinator.post(`/api/library/proposals/${proposal.id}/decline`, {})).status).toBe(400);
      const declined = await coordinator.post(`/api/library/proposals/${proposal.id}/decline`, { reason: 'Finns redan i nätverket.' });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Finns redan i nätverket.', sharedModuleId: null });
      expect(((await hrA.get(`/api/library/modules/${moduleId}`)).body as ModuleDetail).proposal).toMatchObject({
        status: 'declined',
        declineReason: 'Finns redan i nätverket.',
      });
      const [{ n }] = await sql<{ n: number }>(t, `select count(*)::int as n from library_module where proposed_from_module_id = $1`, [moduleId]);
      expect(n).toBe(0);
      const again = await hrA.post(`/api/library/modules/${moduleId}/proposal`, {});
      expect(again.status).toBe(200);
      expect((again.body as ModuleProposal).id).not.toBe(proposal.id);
    });

    it('lets the coordinator read another organisation’s proposed version while it is pending, and no one else', async () => {
      // The fixture's coordinator belongs to organisation A: organisation B's module is not theirs to read otherwise.
      const version = t.fixture.library.moduleB.versionId;
      expect((await coordinator.get(`/api/library/module-versions/${version}`)).status).toBe(404);
      const proposal = (await adminB.post(`/api/library/modules/${t.fixture.library.moduleB.id}/proposal`, {})).body as ModuleProposal;
      expect(proposal.organisationId).toBe(t.fixture.orgB);
      expect((await coordinator.get(`/api/library/module-versions/${version}`)).status).toBe(200);
      expect((await hrA.get(`/api/library/module-versions/${version}`)).status).toBe(404);
      expect((await hrA.get(`/api/library/modules/${t.fixture.library.moduleB.id}`)).status).toBe(404);
      expect((await coordinator.post(`/api/library/proposals/${proposal.id}/decline`, { reason: 'Inte nu.' })).status).toBe(200);
      expect((await coordinator.get(`/api/library/module-versions/${version}`)).status).toBe(404);
    });

    it('refuses an unpublished module (409) and another organisation’s module (404)', async () => {
      const draftOnly = await newLocalModule(hrA, 'Bara utkast', false);
      const unpublished = await hrA.post(`/api/library/modules/${draftOnly}/proposal`, {});
      expect(unpublished.status).toBe(409);
      expect(unpublished.body.code).toBe('not_published');
      expect((await adminB.post(`/api/library/modules/${draftOnly}/proposal`, {})).status).toBe(404);
      expect((await (await t.as('managerU1')).post(`/api/library/modules/${draftOnly}/proposal`, {})).status).toBe(403);
    });

    it('hides proposals from other organisations and other networks in the database itself', async () => {
      const [{ n: ofA }] = await sql<{ n: number }>(t, `select count(*)::int as n from library_module_proposal where organisation_id = $1`, [t.fixture.orgA]);
      const [{ n: all }] = await sql<{ n: number }>(t, `select count(*)::int as n from library_module_proposal`);
      expect(ofA).toBeGreaterThan(0);
      const visibleOfA = (tenant: Parameters<TestApp['inTenant']>[1]) =>
        t.inTenant(async () => {
          const rows: Array<{ n: number; total: number }> = await t.app
            .get(Db)
            .manager.query(`select count(*) filter (where organisation_id = $1)::int as n, count(*)::int as total from library_module_proposal`, [
              t.fixture.orgA,
            ]);
          return rows[0];
        }, tenant);
      // Organisation B sees its own proposals only.
      expect((await visibleOfA({ organisationId: t.fixture.orgB, personId: null, networkId: t.fixture.networkId })).n).toBe(0);
      const otherNetwork = '11111111-1111-4111-8111-111111111111';
      expect((await visibleOfA({ organisationId: t.fixture.orgB, personId: null, networkId: otherNetwork, coordinatedNetworkIds: [otherNetwork] })).n).toBe(0);
      // The network's coordinator sees every organisation's.
      expect(
        await visibleOfA({ organisationId: t.fixture.orgB, personId: null, networkId: t.fixture.networkId, coordinatedNetworkIds: [t.fixture.networkId] }),
      ).toEqual({ n: ofA, total: all });
    });
  });
});
