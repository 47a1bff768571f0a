import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TodayUnitAttention } from '@kunna/contracts';
import { I18n } from '../i18n/i18n';
import { signedInSv } from '../i18n/signed-in.sv';
import { UnitAttention } from './unit-attention';

const UNIT = { id: 'u1', name: 'Solgården' };
const QUIET: TodayUnitAttention = {
  unit: UNIT,
  areaId: 'a1',
  newWithoutIntroduction: 0,
  targetsBehind: 0,
  missedModule: 0,
  pairing: { percent: null, low: false, withheld: false },
};

describe('UnitAttention', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    // As the shell does for every page inside it (the start page's texts are not in the first download).
    TestBed.inject(I18n).addSwedish(signedInSv);
  });

  async function render(attention: TodayUnitAttention): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(UnitAttention);
    fixture.componentRef.setInput('attention', attention);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const items = (element: HTMLElement) => [...element.querySelectorAll('ul.attention li')].map((li) => li.textContent.trim());

  it('says nothing needs attention when every count is zero', async () => {
    expect(items(await render(QUIET))).toEqual(['Inget behöver uppmärksamhet just nu.']);
  });

  it('lists each item with a real plural and links it into Insikt for the unit', async () => {
    const element = await render({
      ...QUIET,
      newWithoutIntroduction: 1,
      targetsBehind: 2,
      missedModule: 3,
      pairing: { percent: 47.6, low: true, withheld: false },
    });
    expect(items(element)).toEqual([
      '1 nyanställd utan introduktion',
      '2 mål ligger efter',
      '3 personer har missat en modul',
      'Låg svarsandel före och efter: 47,6\u00a0%',
    ]);
    const hrefs = [...element.querySelectorAll<HTMLAnchorElement>('ul.attention a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      '/insikt?unitId=u1#team-heading',
      '/insikt?unitId=u1#targets-heading',
      '/insikt?unitId=u1#team-heading',
      '/insikt?unitId=u1&competenceUnit=u1#competence-heading',
    ]);
  });

  it('says when the pairing rate is withheld, and that is not "nothing to do"', async () => {
    expect(items(await render({ ...QUIET, pairing: { percent: null, low: false, withheld: true } }))).toEqual([
      'Svarsandelen före och efter visas inte: för få personer.',
    ]);
  });
});
