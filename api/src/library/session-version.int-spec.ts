import { ModuleDetail, ModuleVersion, SessionDetail } from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp } from '../test-support/test-app';

/**
 * "Every session remembers the version it used": a session scheduled with a module keeps pointing at that version
 * after the network publishes a new one, and the version it points at still reads as it was; a session scheduled
 * afterwards gets the new version.
 */
describe('sessions keep the module version they were scheduled with (integration)', () => {
  let t: TestApp;
  let coordinator: SignedInClient;
  let ambassador: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.as('coordinator');
    ambassador = await t.as('ambassadorU1');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function schedule(place: string): Promise<SessionDetail> {
    const response = await ambassador.post('/api/sessions', {
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.networkModule.id,
      // Within ambassadorU1's qualification for the module (a year from today), so no reason is needed to lead it.
      date: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
      startTime: '09:00',
      durationMinutes: 30,
      place,
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
    });
    expect(response.status).toBe(201);
    return response.body as SessionDetail;
  }

  it('keeps the earlier version after a new one is published, unchanged', async () => {
    const moduleId = t.fixture.library.networkModule.id;
    const before = (await coordinator.get(`/api/library/modules/${moduleId}`)).body as ModuleDetail;
    const original = before.published as ModuleVersion;
    const first = await schedule('Personalrummet');
    expect(first).toMatchObject({ moduleVersionId: original.id, moduleVersionNumber: original.versionNumber });

    const content = { ...original, title: `${original.title} (ny version)`, summary: 'Helt omskriven.' };
    const draft = await coordinator.put(`/api/library/modules/${moduleId}/draft`, {
      title: content.title,
      summary: content.summary,
      learningGoals: original.learningGoals,
      competenceDimensions: original.competenceDimensions,
      digCompCodes: original.digCompCodes,
      targetGroups: original.targetGroups,
      format: original.format,
      durationMinutes: original.durationMinutes,
      glossary: original.glossary,
      facilitatorGuide: original.facilitatorGuide,
      exercises: original.exercises,
      links: original.links,
      knowledgeItems: original.knowledgeItems ?? [],
      repeatIntervalWeeks: original.repeatIntervalWeeks,
    });
    expect(draft.status).toBe(200);
    const published = await coordinator.post(`/api/library/modules/${moduleId}/publish`, { changeNote: 'Omskriven' });
    expect(published.status).toBe(200);
    const next = (published.body as ModuleDetail).published as ModuleVersion;
    expect(next.versionNumber).toBe(original.versionNumber + 1);

    // The earlier session still points at the version it was scheduled with, and that version reads as before.
    const again = (await ambassador.get(`/api/sessions/${first.id}`)).body as SessionDetail;
    expect(again).toMatchObject({ moduleVersionId: original.id, moduleVersionNumber: original.versionNumber });
    const used = (await ambassador.get(`/api/library/module-versions/${again.moduleVersionId}`)).body as ModuleVersion;
    expect(used).toMatchObject({ id: original.id, versionNumber: original.versionNumber, title: original.title, summary: original.summary });

    // A session scheduled now gets the new version.
    const later = await schedule('Matsalen');
    expect(later).toMatchObject({ moduleVersionId: next.id, moduleVersionNumber: next.versionNumber });
  });
});
