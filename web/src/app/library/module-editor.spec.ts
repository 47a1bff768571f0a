import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { TitleStrategy } from '@angular/router';
import { CompetenceDimension, ModuleDetail, ModuleFormat, ModuleTargetGroup, ModuleVersion, ModuleVersionStatus, Ownership, Role } from '@kunna/contracts';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { ModuleEditor } from './module-editor';

const DRAFT: ModuleVersion = {
  id: 'v2',
  moduleId: 'm1',
  versionNumber: 2,
  status: ModuleVersionStatus.Draft,
  publishedAt: null,
  changeNote: null,
  title: 'Trygghetslarm',
  summary: 'Om larmet.',
  learningGoals: ['Du kan testa larmet.'],
  competenceDimensions: [CompetenceDimension.Skills],
  digCompCodes: ['4.2'],
  targetGroups: [ModuleTargetGroup.Staff],
  format: ModuleFormat.WorkplaceSession,
  durationMinutes: 30,
  glossary: [],
  facilitatorGuide: '# Före',
  facilitatorGuideHtml: '<h2>Före</h2>',
  exercises: [],
  links: [],
  knowledgeItems: [],
  knowledgeItemCount: 0,
  attachments: [],
  sourceVersion: null,
  repeatIntervalWeeks: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

const DETAIL = {
  module: { id: 'm1', ownership: Ownership.Organisation, title: 'Trygghetslarm', archived: false, hasDraft: true, latestPublished: null },
  published: null,
  draft: DRAFT,
  versions: [],
  ownAdaptations: [],
  proposal: null,
} as unknown as ModuleDetail;

function titleInput(fixture: ComponentFixture<unknown>): HTMLInputElement {
  return (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('#ed-title')!;
}

function submit(fixture: ComponentFixture<unknown>): void {
  (fixture.nativeElement as HTMLElement).querySelector<HTMLFormElement>('form.editor')!.dispatchEvent(new Event('submit', { cancelable: true }));
}

describe('ModuleEditor', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Hr)], providers: [{ provide: TitleStrategy, useClass: KunnaTitleStrategy }] });
  });

  afterEach(() => http.verify());

  async function loaded(): Promise<ComponentFixture<ModuleEditor>> {
    const fixture = createPage(ModuleEditor, { moduleId: 'm1' });
    await settle(fixture);
    expect(textOf(fixture)).toContain('Laddar');
    expectCall(http, 'GET', 'library/digcomp').flush([]);
    expectCall(http, 'GET', 'library/modules/m1').flush(DETAIL);
    await settle(fixture);
    return fixture;
  }

  it('fills the form from the draft once it is loaded', async () => {
    const fixture = await loaded();
    expect(textOf(fixture)).not.toContain('Laddar');
    expect(textOf(fixture)).toContain('Utkast till version 2');
    expect(titleInput(fixture).value).toBe('Trygghetslarm');
  });

  it('says the module cannot be found when it cannot be read, and shows no form', async () => {
    const fixture = createPage(ModuleEditor, { moduleId: 'm1' });
    await settle(fixture);
    expectCall(http, 'GET', 'library/digcomp').flush([]);
    fail(expectCall(http, 'GET', 'library/modules/m1'), 404);
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Det du söker finns inte, eller så har du inte tillgång till det.',
    );
    expect(titleInput(fixture)).toBeNull();
  });

  it('saves what is typed as the draft and says it is saved', async () => {
    const fixture = await loaded();
    const input = titleInput(fixture);
    input.value = 'Trygghetslarm i hemtjänsten';
    input.dispatchEvent(new Event('input'));
    submit(fixture);
    await settle(fixture);

    const save = expectCall(http, 'PUT', 'library/modules/m1/draft');
    expect(save.request.body).toMatchObject({ title: 'Trygghetslarm i hemtjänsten', summary: 'Om larmet.', durationMinutes: 30 });
    save.flush({ ...DETAIL, draft: { ...DRAFT, title: 'Trygghetslarm i hemtjänsten' } });
    await settle(fixture);

    const status = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim());
    expect(status).toContain('Utkastet är sparat.');
    // The answer of the save is shown without reading the module again, and what is typed stays.
    expect(titleInput(fixture).value).toBe('Trygghetslarm i hemtjänsten');
  });

  it("keeps what is typed and shows the server's field message when the draft is refused", async () => {
    const fixture = await loaded();
    const input = titleInput(fixture);
    input.value = 'X';
    input.dispatchEvent(new Event('input'));
    submit(fixture);
    await settle(fixture);
    fail(expectCall(http, 'PUT', 'library/modules/m1/draft'), 400, 'Kontrollera fälten.', [{ field: 'title', message: 'Titeln är för kort.' }]);
    await settle(fixture);

    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')).not.toBeNull();
    expect(textOf(fixture)).toContain('Titeln är för kort.');
    expect(textOf(fixture)).not.toContain('Utkastet är sparat.');
    expect(titleInput(fixture).value).toBe('X');
  });
});
