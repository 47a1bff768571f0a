import {
  AttachmentType,
  CSRF_HEADER,
  CompetenceDimension,
  KnowledgeItemKind,
  ModuleContentInput,
  ModuleDetail,
  ModuleFormat,
  ModuleSummary,
  ModuleTargetGroup,
  ModuleVersion,
  Ownership,
  ProgramAssignment,
  ProgramDetail,
  ProgramKind,
} from '@kunna/contracts';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { createTestApp, SignedInClient, TestApp, sql } from '../test-support/test-app';
import { JPEG_BYTES, officeFile, PDF_BYTES, PNG_BYTES } from '../test-support/zip-builder';
import { withoutMessageCodes } from '../test-support/without-message-codes';

function content(title: string, overrides: Partial<ModuleContentInput> = {}): ModuleContentInput {
  return {
    title,
    summary: 'Om nyckelfria lås i hemtjänsten.',
    learningGoals: ['Du kan öppna låset med appen.'],
    competenceDimensions: [CompetenceDimension.Skills],
    digCompCodes: ['5.1', '4.1'],
    targetGroups: [ModuleTargetGroup.Staff],
    format: ModuleFormat.WorkplaceSession,
    durationMinutes: 30,
    glossary: [{ term: 'Bluetooth', explanation: 'Trådlös kontakt på kort avstånd.' }],
    facilitatorGuide: '# Före träffen\n- Boka rum\n\n<script>alert(1)</script> [klicka](javascript:alert(1))',
    exercises: [{ title: 'Låset öppnas inte', scenario: 'Klockan 22 hos Arne.', tasks: ['Vad gör du först?'] }],
    links: [{ title: 'Leverantören', url: 'https://example.se/las' }],
    knowledgeItems: [
      {
        kind: KnowledgeItemKind.Single,
        question: 'Vad kontrollerar du först?',
        options: [
          { id: 'a', text: 'Bluetooth' },
          { id: 'b', text: 'Batteriet i bilen' },
        ],
        correctOptionIds: ['a'],
        explanation: 'Låset pratar med telefonen via Bluetooth.',
      },
    ],
    repeatIntervalWeeks: 26,
    ...overrides,
  };
}

describe('module library (integration)', () => {
  let t: TestApp;
  let coordinator: SignedInClient;
  let hrA: SignedInClient;
  let adminB: SignedInClient;
  let staff: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.as('coordinator');
    hrA = await t.as('hrA');
    adminB = await t.as('adminB');
    staff = await t.as('staffU1');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function createNetworkModule(title: string): Promise<ModuleDetail> {
    const response = await coordinator.post('/api/library/modules', { ownership: Ownership.Network, content: content(title) });
    expect(response.status).toBe(201);
    return response.body as ModuleDetail;
  }

  async function publish(client: SignedInClient, moduleId: string, changeNote?: string): Promise<ModuleDetail> {
    const response = await client.post(`/api/library/modules/${moduleId}/publish`, changeNote ? { changeNote } : {});
    expect(response.status).toBe(200);
    return response.body as ModuleDetail;
  }

  describe('drafts, publishing and immutable versions', () => {
    let moduleId: string;
    let v1: ModuleVersion;

    it('creates a network module as a draft that only editors see', async () => {
      const created = await createNetworkModule('Nyckelfria lås');
      moduleId = created.module.id;
      expect(created.module).toMatchObject({ ownership: 'network', organisationId: null, canEdit: true, hasDraft: true, latestPublished: null });
      expect(created.published).toBeNull();
      expect(created.draft).toMatchObject({ versionNumber: 1, status: 'draft', digCompCodes: ['4.1', '5.1'] });
      // New knowledge items get an id.
      expect(created.draft?.knowledgeItems?.[0].id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await staff.get(`/api/library/modules/${moduleId}`)).status).toBe(404);
      const list = (await staff.get('/api/library/modules')).body as ModuleSummary[];
      expect(list.map((module) => module.id)).not.toContain(moduleId);
      expect((await hrA.get(`/api/library/modules/${moduleId}`)).status).toBe(404);
    });

    it('publishes the draft as version 1, readable by everyone in the network', async () => {
      const detail = await publish(coordinator, moduleId, 'Första versionen');
      expect(detail.draft).toBeNull();
      expect(detail.published).toMatchObject({ versionNumber: 1, status: 'published', changeNote: 'Första versionen' });
      expect(detail.versions.map((version) => version.versionNumber)).toEqual([1]);
      v1 = detail.published as ModuleVersion;
      for (const reader of [staff, hrA, adminB]) {
        expect((await reader.get(`/api/library/modules/${moduleId}`)).status).toBe(200);
      }
    });

    it('renders the facilitator guide safely and hides the answer key from staff without a role', async () => {
      const asStaff = (await staff.get(`/api/library/module-versions/${v1.id}`)).body as ModuleVersion;
      expect(asStaff.facilitatorGuideHtml).toBe('<h2>Före träffen</h2>\n<ul>\n<li>Boka rum</li>\n</ul>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; klicka</p>');
      expect(asStaff.knowledgeItems).toBeNull();
      expect(asStaff.knowledgeItemCount).toBe(1);
      const asAmbassador = (await (await t.as('ambassadorU1')).get(`/api/library/module-versions/${v1.id}`)).body as ModuleVersion;
      expect(asAmbassador.knowledgeItems?.[0]).toMatchObject({ correctOptionIds: ['a'], explanation: 'Låset pratar med telefonen via Bluetooth.' });
    });

    it('makes a new draft (version 2) without touching version 1, then publishes it as a new version', async () => {
      const itemId = v1.knowledgeItems?.[0].id as string;
      const edited = content('Nyckelfria lås i hemtjänsten', {
        summary: 'Ny sammanfattning.',
        knowledgeItems: [{ ...(v1.knowledgeItems?.[0] as object), id: itemId } as ModuleContentInput['knowledgeItems'][number]],
      });
      const saved = await coordinator.put(`/api/library/modules/${moduleId}/draft`, edited);
      expect(saved.status).toBe(200);
      expect(saved.body.draft).toMatchObject({ versionNumber: 2, title: 'Nyckelfria lås i hemtjänsten' });
      expect(saved.body.published).toMatchObject({ versionNumber: 1, title: 'Nyckelfria lås' });

      // Saving again edits the same draft.
      const again = await coordinator.put(`/api/library/modules/${moduleId}/draft`, { ...edited, durationMinutes: 40 });
      expect(again.body.draft).toMatchObject({ id: saved.body.draft.id, versionNumber: 2, durationMinutes: 40 });

      const published = await publish(coordinator, moduleId, 'Ny titel');
      expect(published.published).toMatchObject({ versionNumber: 2, title: 'Nyckelfria lås i hemtjänsten', durationMinutes: 40 });
      // The knowledge item keeps its id across versions, so checks can compare the same item.
      expect(published.published?.knowledgeItems?.[0].id).toBe(itemId);
      expect(published.versions.map((version) => version.versionNumber)).toEqual([2, 1]);

      const old = (await staff.get(`/api/library/module-versions/${v1.id}`)).body as ModuleVersion;
      expect(old).toMatchObject({ versionNumber: 1, title: 'Nyckelfria lås', summary: 'Om nyckelfria lås i hemtjänsten.', durationMinutes: 30 });
      expect(old.updatedAt).toBe(v1.updatedAt);
    });

    it('has no draft to discard or publish after publishing', async () => {
      expect((await coordinator.delete(`/api/library/modules/${moduleId}/draft`)).status).toBe(409);
      const response = await coordinator.post(`/api/library/modules/${moduleId}/publish`, {});
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('no_draft');
    });

    it('refuses any change to a published version in the database itself', async () => {
      await expect(sql(t, `update library_module_version set title = 'Ändrad' where id = $1`, [v1.id])).rejects.toThrow(
        'a published module version never changes',
      );
      await expect(sql(t, `delete from library_module_version where id = $1`, [v1.id])).rejects.toThrow('a published module version never changes');
      await expect(sql(t, `update library_module_version set status = 'draft', published_at = null where id = $1`, [v1.id])).rejects.toThrow();
      const [row] = await sql<{ title: string }>(t, `select title from library_module_version where id = $1`, [v1.id]);
      expect(row.title).toBe('Nyckelfria lås');
    });

    it('discards a draft; a module never published goes with it', async () => {
      await coordinator.put(`/api/library/modules/${moduleId}/draft`, content('Utkast som slängs'));
      expect((await coordinator.delete(`/api/library/modules/${moduleId}/draft`)).status).toBe(204);
      const detail = (await coordinator.get(`/api/library/modules/${moduleId}`)).body as ModuleDetail;
      expect(detail.draft).toBeNull();
      expect(detail.published?.versionNumber).toBe(2);

      const unpublished = await createNetworkModule('Aldrig publicerad');
      expect((await coordinator.delete(`/api/library/modules/${unpublished.module.id}/draft`)).status).toBe(204);
      expect((await coordinator.get(`/api/library/modules/${unpublished.module.id}`)).status).toBe(404);
    });

    it('answers invalid knowledge items and unknown DigComp codes with 400 naming the field', async () => {
      const twoCorrect = content('Fel', {
        digCompCodes: ['3.6'],
        knowledgeItems: [
          {
            kind: KnowledgeItemKind.Single,
            question: 'Fråga?',
            options: [
              { id: 'a', text: 'Ett' },
              { id: 'b', text: 'Två' },
            ],
            correctOptionIds: ['a', 'b'],
            explanation: 'För att.',
          },
          {
            kind: KnowledgeItemKind.Multiple,
            question: 'Fråga två?',
            options: [
              { id: 'a', text: 'Ett' },
              { id: 'b', text: 'Två' },
            ],
            correctOptionIds: ['c'],
            explanation: 'För att.',
          },
        ],
      });
      const response = await coordinator.put(`/api/library/modules/${moduleId}/draft`, twoCorrect);
      expect(response.status).toBe(400);
      expect(withoutMessageCodes(response.body.details)).toEqual([
        { field: 'digCompCodes.0', message: 'DigComp 2.2 har ingen kompetens 3.6.' },
        { field: 'knowledgeItems.0.correctOptionIds', message: 'En fråga med ett rätt svar ska ha exakt ett rätt svar markerat.' },
        { field: 'knowledgeItems.1.correctOptionIds', message: 'Rätta svar måste vara bland frågans svarsalternativ.' },
      ]);
    });

    it('archives a module: hidden from the list, refused for publishing, restorable', async () => {
      const archived = await coordinator.patch(`/api/library/modules/${moduleId}`, { archived: true });
      expect(archived.status).toBe(200);
      expect(archived.body.module.archived).toBe(true);
      const listed = (await staff.get('/api/library/modules')).body as ModuleSummary[];
      expect(listed.map((module) => module.id)).not.toContain(moduleId);
      const withArchived = (await staff.get('/api/library/modules?includeArchived=true')).body as ModuleSummary[];
      expect(withArchived.find((module) => module.id === moduleId)?.archived).toBe(true);
      expect((await coordinator.put(`/api/library/modules/${moduleId}/draft`, content('X'))).status).toBe(409);
      expect((await coordinator.patch(`/api/library/modules/${moduleId}`, { archived: false })).body.module.archived).toBe(false);
    });
  });

  describe('ownership and adaptation', () => {
    let sourceId: string;
    let copyId: string;

    beforeAll(async () => {
      const created = await createNetworkModule('Trygghetslarm');
      sourceId = created.module.id;
      await publish(coordinator, sourceId);
    });

    it('lets HR adapt a network module into an own copy that links its source version', async () => {
      const response = await hrA.post(`/api/library/modules/${sourceId}/adapt`, { title: 'Trygghetslarm i Kommun A' });
      expect(response.status).toBe(201);
      const copy = response.body as ModuleDetail;
      copyId = copy.module.id;
      expect(copy.module).toMatchObject({
        ownership: 'organisation',
        organisationId: t.fixture.orgA,
        canEdit: true,
        hasDraft: true,
        source: { moduleId: sourceId, title: 'Trygghetslarm', basedOnVersionNumber: 1, latestVersionNumber: 1, newerVersionAvailable: false },
      });
      const source = (await coordinator.get(`/api/library/modules/${sourceId}`)).body as ModuleDetail;
      expect(copy.draft).toMatchObject({ versionNumber: 1, title: 'Trygghetslarm i Kommun A', sourceVersion: { moduleId: sourceId, versionNumber: 1 } });
      expect(copy.draft?.knowledgeItems).toEqual(source.published?.knowledgeItems);
      expect((await hrA.get(`/api/library/modules/${sourceId}`)).body.ownAdaptations).toEqual([{ id: copyId, title: 'Trygghetslarm i Kommun A' }]);
    });

    it('refuses a second copy (409 with the existing one), managers, and adapting a local module', async () => {
      const again = await (await t.as('adminA')).post(`/api/library/modules/${sourceId}/adapt`, {});
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'already_adapted', moduleId: copyId });
      expect((await (await t.as('managerU1')).post(`/api/library/modules/${sourceId}/adapt`, {})).status).toBe(403);
      const local = await hrA.post(`/api/library/modules/${t.fixture.library.moduleA.id}/adapt`, {});
      expect(local.status).toBe(409);
      expect(local.body.code).toBe('not_shared');
    });

    it('keeps an organisation’s local modules invisible to other organisations (404), and out of their lists', async () => {
      await publish(hrA, copyId);
      expect((await adminB.get(`/api/library/modules/${copyId}`)).status).toBe(404);
      expect((await adminB.get(`/api/library/modules/${t.fixture.library.moduleA.id}`)).status).toBe(404);
      expect((await adminB.get(`/api/library/module-versions/${t.fixture.library.moduleA.versionId}`)).status).toBe(404);
      expect((await adminB.get(`/api/library/attachments/${t.fixture.library.moduleA.attachmentId}`)).status).toBe(404);
      expect((await adminB.put(`/api/library/modules/${copyId}/draft`, content('Kapat'))).status).toBe(404);
      const listB = ((await adminB.get('/api/library/modules')).body as ModuleSummary[]).map((module) => module.id);
      expect(listB).toContain(sourceId);
      expect(listB).toContain(t.fixture.library.moduleB.id);
      expect(listB).not.toContain(copyId);
      expect(listB).not.toContain(t.fixture.library.moduleA.id);
      // Even the network coordinator, who belongs to organisation A, cannot see organisation B's local module.
      expect((await coordinator.get(`/api/library/modules/${t.fixture.library.moduleB.id}`)).status).toBe(404);
    });

    it('lets nobody but the owner edit: managers and HR not a network module, coordinators not a local one', async () => {
      expect((await (await t.as('managerU1')).put(`/api/library/modules/${sourceId}/draft`, content('X'))).status).toBe(403);
      expect((await hrA.put(`/api/library/modules/${sourceId}/draft`, content('X'))).status).toBe(403);
      expect((await coordinator.put(`/api/library/modules/${copyId}/draft`, content('X'))).status).toBe(403);
      expect((await hrA.post('/api/library/modules', { ownership: Ownership.Network, content: content('X') })).status).toBe(403);
      expect((await coordinator.post('/api/library/modules', { ownership: Ownership.Organisation, content: content('X') })).status).toBe(403);
    });

    it('shows the copy that its source has a newer version, and syncs a draft from it', async () => {
      await coordinator.put(`/api/library/modules/${sourceId}/draft`, content('Trygghetslarm 2', { durationMinutes: 45 }));
      await publish(coordinator, sourceId, 'Nytt om provlarm');

      const list = (await hrA.get('/api/library/modules')).body as ModuleSummary[];
      expect(list.find((module) => module.id === copyId)?.source).toEqual({
        moduleId: sourceId,
        title: 'Trygghetslarm 2',
        basedOnVersionNumber: 1,
        latestVersionNumber: 2,
        newerVersionAvailable: true,
      });

      // A draft of the copy with an attachment of its own: syncing replaces the draft's attachments with the source's,
      // and the attachment no version links any more is deleted.
      const localDraft = (await hrA.put(`/api/library/modules/${copyId}/draft`, content('Lokalt utkast'))).body as ModuleDetail;
      const [own] = await sql<{ id: string }>(
        t,
        `insert into library_attachment (network_id, organisation_id, file_name, content_type, byte_size, sha256, content)
         select network_id, organisation_id, 'egen.pdf', 'application/pdf', 3, 'sha', '\\x010203'::bytea from library_module where id = $1
         returning id`,
        [copyId],
      );
      await sql(
        t,
        `insert into library_version_attachment (version_id, attachment_id, organisation_id, title, position)
         select $1, $2, organisation_id, 'Egen', 1 from library_module where id = $3`,
        [localDraft.draft?.id, own.id, copyId],
      );

      const synced = await hrA.post(`/api/library/modules/${copyId}/draft/from-source`);
      expect(synced.status).toBe(200);
      expect(synced.body.draft.id).toBe(localDraft.draft?.id);
      expect(synced.body.draft.attachments).toEqual([]);
      expect(await sql(t, `select id from library_attachment where id = $1`, [own.id])).toEqual([]);
      expect(synced.body.draft).toMatchObject({ versionNumber: 2, title: 'Trygghetslarm 2', durationMinutes: 45, sourceVersion: { versionNumber: 2 } });
      // The published copy (version 1) still says what it was based on.
      expect(synced.body.published).toMatchObject({ versionNumber: 1, sourceVersion: { versionNumber: 1 } });
      expect(synced.body.module.source.newerVersionAvailable).toBe(false);

      const published = await publish(hrA, copyId);
      expect(published.module.source).toMatchObject({ basedOnVersionNumber: 2, latestVersionNumber: 2, newerVersionAvailable: false });
    });

    it('refuses syncing a module that is not an adapted copy', async () => {
      const response = await coordinator.post(`/api/library/modules/${sourceId}/draft/from-source`);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('not_adapted');
    });
  });

  describe('attachments', () => {
    let moduleId: string;
    let pngId: string;
    let coordinatorCookie: string;
    let coordinatorCsrf: string;

    beforeAll(async () => {
      moduleId = (await createNetworkModule('Med bilagor')).module.id;
      const signIn = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people.coordinator.email, password: FIXTURE_PASSWORD });
      coordinatorCookie = ([] as string[])
        .concat(signIn.headers['set-cookie'] ?? [])
        .map((cookie) => cookie.split(';')[0])
        .join('; ');
      coordinatorCsrf = signIn.body.csrfToken;
    });

    /** A multipart request with the coordinator's session (the signed-in helper always sends JSON). */
    const upload = (name: string, bytes: Buffer, title?: string) => {
      const request = t
        .http()
        .post(`/api/library/modules/${moduleId}/draft/attachments`)
        .set('Cookie', coordinatorCookie)
        .set(CSRF_HEADER, coordinatorCsrf)
        .attach('file', bytes, name);
      return title ? request.field('title', title) : request;
    };

    it.each([
      ['bild.png', PNG_BYTES, AttachmentType.Png],
      ['foto.JPG', JPEG_BYTES, AttachmentType.Jpeg],
      ['rutin.pdf', PDF_BYTES, AttachmentType.Pdf],
      ['lathund.docx', officeFile('docx'), AttachmentType.Docx],
      ['schema.xlsx', officeFile('xlsx'), AttachmentType.Xlsx],
      ['bilder.pptx', officeFile('pptx'), AttachmentType.Pptx],
    ])('accepts %s, typed by its content', async (name, bytes, type) => {
      const response = await upload(name, bytes);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ fileName: name, contentType: type, byteSize: bytes.length });
      if (type === AttachmentType.Png) pngId = response.body.id;
    });

    it.each([
      ['sida.html', Buffer.from('<html><script>alert(1)</script></html>'), 'Filtypen stöds inte.'],
      ['bild.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'Filtypen stöds inte.'],
      ['fejk.pdf', Buffer.from('<html>inte en pdf</html>'), 'Filtypen stöds inte.'],
      ['makro.docx', officeFile('docx', { 'word/vbaProject.bin': 'x' }), 'Filtypen stöds inte.'],
      ['bild.pdf', PNG_BYTES, 'Filens innehåll stämmer inte med filändelsen.'],
    ])('refuses %s with 400 naming the file field', async (name, bytes, message) => {
      const response = await upload(name, bytes);
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('file');
      expect(response.body.details[0].message).toContain(message);
    });

    it('names the refused file types with a code and no Swedish list as a value, so the web says them in English too', async () => {
      const response = await upload('sida.html', Buffer.from('<html></html>'));
      expect(response.status).toBe(400);
      expect(response.body.details[0]).toMatchObject({ messageCode: 'library.fileTypeNotSupportedAttach' });
      expect(response.body.details[0].messageParams).toBeUndefined();
    });

    it('refuses files over 10 MB (413) and a request without a file (400)', async () => {
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
      const response = await upload('stor.pdf', big);
      expect(response.status).toBe(413);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'file', message: 'Filen är för stor. Största tillåtna storlek är 10 MB.' }]);
      const empty = await coordinator.post(`/api/library/modules/${moduleId}/draft/attachments`, {});
      expect(empty.status).toBe(400);
      expect(empty.body.details[0].field).toBe('file');
    });

    it('serves a download with the detected type, never inline', async () => {
      const response = await coordinator.get(`/api/library/attachments/${pngId}`).buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="bild.png"; filename*=UTF-8''bild.png`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(response.body as Buffer, PNG_BYTES)).toBe(0);
      // A draft's attachment is for editors only.
      expect((await staff.get(`/api/library/attachments/${pngId}`)).status).toBe(404);
    });

    it('freezes attachments with the published version; the next draft shares them', async () => {
      const published = await publish(coordinator, moduleId);
      expect(published.published?.attachments).toHaveLength(6);
      expect((await staff.get(`/api/library/attachments/${pngId}`)).status).toBe(200);

      await coordinator.put(`/api/library/modules/${moduleId}/draft`, content('Med bilagor 2'));
      expect((await coordinator.delete(`/api/library/modules/${moduleId}/draft/attachments/${pngId}`)).status).toBe(204);
      // Gone from the draft: removing it again finds nothing (and records nothing).
      const again = await coordinator.delete(`/api/library/modules/${moduleId}/draft/attachments/${pngId}`);
      expect(again.status).toBe(404);
      expect(again.body.message).toBe('Utkastet har ingen sådan bilaga.');
      const detail = (await coordinator.get(`/api/library/modules/${moduleId}`)).body as ModuleDetail;
      expect(detail.draft?.attachments).toHaveLength(5);
      expect(detail.published?.attachments).toHaveLength(6);
      // Still downloadable: version 1 links it.
      expect((await staff.get(`/api/library/attachments/${pngId}`)).status).toBe(200);
      await expect(sql(t, `delete from library_version_attachment where version_id = $1`, [detail.published?.id])).rejects.toThrow(
        'the attachments of a published module version never change',
      );
    });
  });

  describe('programs and assignments', () => {
    let networkModule: string;
    let secondModule: string;
    let programId: string;

    beforeAll(async () => {
      networkModule = (await createNetworkModule('Steg ett')).module.id;
      await publish(coordinator, networkModule);
      secondModule = (await createNetworkModule('Steg två')).module.id;
      await publish(coordinator, secondModule);
    });

    it('creates a network program with ordered steps and spacing', async () => {
      const response = await coordinator.post('/api/library/programs', {
        ownership: Ownership.Network,
        title: 'Introduktion',
        summary: 'Inom 30 dagar.',
        kind: ProgramKind.Onboarding,
        completeWithinDays: 30,
        deadlineBase: 'employment_start',
        steps: [
          { moduleId: networkModule, daysAfterPrevious: 0 },
          { moduleId: secondModule, daysAfterPrevious: 7, note: 'Efter en vecka' },
          { moduleId: networkModule, daysAfterPrevious: 14 },
        ],
      });
      expect(response.status).toBe(201);
      const program = response.body as ProgramDetail;
      programId = program.id;
      expect(program).toMatchObject({ ownership: 'network', stepCount: 3, totalMinutes: 90, completeWithinDays: 30, canEdit: true });
      expect(program.steps.map((step) => [step.position, step.moduleTitle, step.daysAfterPrevious, step.dayOffset])).toEqual([
        [1, 'Steg ett', 0, 0],
        [2, 'Steg två', 7, 7],
        [3, 'Steg ett', 14, 21],
      ]);
    });

    it('refuses local modules in a network program, unknown modules, and qualifying modules outside ambassador training', async () => {
      const response = await coordinator.post('/api/library/programs', {
        ownership: Ownership.Network,
        title: 'Fel',
        summary: '',
        kind: ProgramKind.Other,
        steps: [
          { moduleId: t.fixture.library.moduleA.id, daysAfterPrevious: 0 },
          { moduleId: '00000000-0000-4000-8000-000000000000', daysAfterPrevious: 0 },
        ],
        qualifiesModuleIds: [networkModule],
      });
      expect(response.status).toBe(400);
      expect(withoutMessageCodes(response.body.details)).toEqual([
        { field: 'qualifiesModuleIds', message: 'Bara en ombudsutbildning ger behörighet att leda moduler.' },
        { field: 'steps.0.moduleId', message: 'Modulen finns inte i biblioteket.' },
        { field: 'steps.1.moduleId', message: 'Modulen finns inte i biblioteket.' },
      ]);
    });

    it('lets HR build a local program from network modules and their own, invisible to organisation B', async () => {
      const response = await hrA.post('/api/library/programs', {
        ownership: Ownership.Organisation,
        title: 'Ombudsutbildning A',
        summary: '',
        kind: ProgramKind.AmbassadorTraining,
        steps: [
          { moduleId: t.fixture.library.moduleA.id, daysAfterPrevious: 0 },
          { moduleId: networkModule, daysAfterPrevious: 14 },
        ],
        qualifiesModuleIds: [networkModule, t.fixture.library.moduleA.id],
      });
      expect(response.status).toBe(201);
      expect((response.body as ProgramDetail).qualifiesFor.map((module) => module.title).sort()).toEqual(['Egen modul A', 'Steg ett']);
      expect((await adminB.get(`/api/library/programs/${response.body.id}`)).status).toBe(404);
      expect(((await adminB.get('/api/library/programs')).body as ProgramDetail[]).map((program) => program.id)).not.toContain(response.body.id);
      expect((await coordinator.patch(`/api/library/programs/${response.body.id}`, { title: 'Kapad' })).status).toBe(403);
    });

    it('lets managers assign to their own unit only, HR to roles and job titles', async () => {
      const manager = await t.as('managerU1');
      const own = await manager.post(`/api/library/programs/${programId}/assignments`, {
        targetType: 'unit',
        unitId: t.fixture.unitU1,
        startDate: '2025-01-01',
      });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ targetType: 'unit', targetId: t.fixture.unitU1, targetName: 'Enhet U1', programTitle: 'Introduktion' });
      // A retry returns the same assignment; an overlapping different one is refused.
      const retry = await manager.post(`/api/library/programs/${programId}/assignments`, {
        targetType: 'unit',
        unitId: t.fixture.unitU1,
        startDate: '2025-01-01',
      });
      expect(retry.body.id).toBe(own.body.id);
      expect(
        (await manager.post(`/api/library/programs/${programId}/assignments`, { targetType: 'unit', unitId: t.fixture.unitU1, startDate: '2025-02-01' }))
          .status,
      ).toBe(409);

      expect(
        (await manager.post(`/api/library/programs/${programId}/assignments`, { targetType: 'unit', unitId: t.fixture.unitU2, startDate: '2025-01-01' }))
          .status,
      ).toBe(403);
      expect(
        (
          await manager.post(`/api/library/programs/${programId}/assignments`, {
            targetType: 'role_title',
            roleTitle: 'Undersköterska',
            startDate: '2025-01-01',
          })
        ).status,
      ).toBe(403);
      expect(
        (await manager.post(`/api/library/programs/${programId}/assignments`, { targetType: 'unit', unitId: t.fixture.unitU4, startDate: '2025-01-01' }))
          .status,
      ).toBe(404);
      const missing = await manager.post(`/api/library/programs/${programId}/assignments`, { targetType: 'unit', startDate: '2025-01-01' });
      expect(missing.status).toBe(400);
      expect(withoutMessageCodes(missing.body.details)).toEqual([{ field: 'unitId', message: 'Välj en enhet.' }]);

      const title = await hrA.post(`/api/library/programs/${programId}/assignments`, {
        targetType: 'role_title',
        roleTitle: 'Undersköterska',
        startDate: '2025-01-01',
      });
      expect(title.status).toBe(201);
      expect(title.body.targetName).toBe('undersköterska');
      const role = await hrA.post(`/api/library/programs/${programId}/assignments`, { targetType: 'role', role: 'ambassador', startDate: '2025-01-01' });
      expect(role.body.targetName).toBe('Ombud');
      const area = await (
        await t.as('areaManagerA1')
      ).post(`/api/library/programs/${programId}/assignments`, {
        targetType: 'area',
        areaId: t.fixture.areaA2,
        startDate: '2025-01-01',
      });
      expect(area.status).toBe(403);
    });

    it('lists the programs that reach a unit and narrows assignment lists to the caller', async () => {
      const forU1 = (await (await t.as('ambassadorU1')).get(`/api/library/units/${t.fixture.unitU1}/programs`)).body as ProgramAssignment[];
      const introduction = forU1
        .filter((assignment) => assignment.programId === programId)
        .map((assignment) => assignment.targetType)
        .sort();
      expect(introduction).toEqual(['role', 'role_title', 'unit']);
      const forU2 = (await hrA.get(`/api/library/units/${t.fixture.unitU2}/programs`)).body as ProgramAssignment[];
      expect(
        forU2
          .filter((assignment) => assignment.programId === programId)
          .map((assignment) => assignment.targetType)
          .sort(),
      ).toEqual(['role', 'role_title']);

      const managerU2 = (await (await t.as('managerU2')).get(`/api/library/programs/${programId}/assignments`)).body as ProgramAssignment[];
      expect(managerU2.map((assignment) => assignment.targetType).sort()).toEqual(['role', 'role_title']);
    });

    it('ends an assignment that has begun (history kept), removes one that has not, and ending again changes nothing', async () => {
      const [unitAssignment] = ((await hrA.get(`/api/library/programs/${programId}/assignments`)).body as ProgramAssignment[]).filter(
        (assignment) => assignment.targetType === 'unit',
      );
      expect((await (await t.as('managerU2')).delete(`/api/library/programs/${programId}/assignments/${unitAssignment.id}`)).status).toBe(403);
      expect((await adminB.delete(`/api/library/programs/${programId}/assignments/${unitAssignment.id}`)).status).toBe(404);
      const manager = await t.as('managerU1');
      expect((await manager.delete(`/api/library/programs/${programId}/assignments/${unitAssignment.id}`)).status).toBe(204);
      const [ended] = await sql<{ end_date: string; yesterday: string }>(
        t,
        `select end_date::text as end_date, (current_date - 1)::text as yesterday from library_program_assignment where id = $1`,
        [unitAssignment.id],
      );
      expect(ended.end_date).toBe(ended.yesterday);
      expect((await manager.delete(`/api/library/programs/${programId}/assignments/${unitAssignment.id}`)).status).toBe(204);

      const [{ later }] = await sql<{ later: string }>(t, `select (current_date + 10)::text as later`);
      const future = await manager.post(`/api/library/programs/${programId}/assignments`, { targetType: 'unit', unitId: t.fixture.unitU1, startDate: later });
      expect(future.status).toBe(201);
      expect((await manager.delete(`/api/library/programs/${programId}/assignments/${future.body.id}`)).status).toBe(204);
      expect(await sql(t, `select 1 from library_program_assignment where id = $1`, [future.body.id])).toEqual([]);
    });
  });

  describe('search filters', () => {
    it('filters by competence dimension and longest duration, and names a bad filter', async () => {
      const short = await coordinator.post('/api/library/modules', {
        ownership: Ownership.Network,
        content: content('Filter kort vilja', { competenceDimensions: [CompetenceDimension.Will], durationMinutes: 20 }),
      });
      const long = await coordinator.post('/api/library/modules', {
        ownership: Ownership.Network,
        content: content('Filter lång vilja', { competenceDimensions: [CompetenceDimension.Will, CompetenceDimension.Knowledge], durationMinutes: 45 }),
      });
      await publish(coordinator, short.body.module.id);
      await publish(coordinator, long.body.module.id);
      const titles = async (query: string) =>
        ((await staff.get(`/api/library/modules?q=Filter&${query}`)).body as ModuleSummary[]).map((module) => module.title);
      expect(await titles('dimension=will')).toEqual(['Filter kort vilja', 'Filter lång vilja']);
      expect(await titles('dimension=knowledge')).toEqual(['Filter lång vilja']);
      expect(await titles('dimension=skills')).toEqual([]);
      // At most 30 minutes: 20 is in, 45 is out; exactly the limit counts.
      expect(await titles('maxMinutes=30')).toEqual(['Filter kort vilja']);
      expect(await titles('maxMinutes=20')).toEqual(['Filter kort vilja']);
      expect(await titles('maxMinutes=19')).toEqual([]);
      const bad = await staff.get('/api/library/modules?maxMinutes=halvtimme&dimension=mod');
      expect(bad.status).toBe(400);
      expect((bad.body.details as Array<{ field: string }>).map((detail) => detail.field).sort()).toEqual(['dimension', 'maxMinutes']);
    });
  });

  describe('starter library', () => {
    it('loads the Swedish starter library into the network once', async () => {
      const first = await coordinator.post('/api/library/starter-library');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ modulesCreated: 13, modulesExisting: 0, programsCreated: 3, programsExisting: 0 });
      const second = await coordinator.post('/api/library/starter-library');
      expect(second.body).toEqual({ modulesCreated: 0, modulesExisting: 13, programsCreated: 0, programsExisting: 3 });

      const modules = (await adminB.get('/api/library/modules?digCompCode=4.2&q=SITHS')).body as ModuleSummary[];
      expect(modules.map((module) => module.title)).toEqual(['Logga in med SITHS-kort eller BankID']);
      const programs = (await staff.get('/api/library/programs?kind=onboarding')).body as ProgramDetail[];
      expect(programs.map((program) => [program.title, program.completeWithinDays])).toContainEqual(['Introduktion för nyanställda', 30]);
      expect((await hrA.post('/api/library/starter-library')).status).toBe(403);
    });
  });
});
