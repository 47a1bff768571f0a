import { TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { ExportTable, exportFileName } from './export-table';

describe('ExportTable', () => {
  beforeAll(() => {
    // jsdom has no ResizeObserver; the table's scroll region only measures with it.
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
      observe(): void {}
      disconnect(): void {}
    };
  });

  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
  });

  async function cells(language: 'sv' | 'en'): Promise<string[]> {
    await TestBed.inject(I18n).setLanguage(language);
    const fixture = TestBed.createComponent(ExportTable);
    fixture.componentRef.setInput('caption', 'Kompetens');
    fixture.componentRef.setInput('headers', ['Enhet', 'Personer', 'Nivå']);
    fixture.componentRef.setInput('rows', [['Solgården', 11, 2.5]]);
    fixture.componentRef.setInput('fileName', 'kompetens');
    fixture.componentRef.setInput('minimumFractionDigits', 2);
    fixture.componentRef.setInput('countColumns', [1]);
    await fixture.whenStable();
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody td')].map((cell) => cell.textContent.trim());
  }

  it('writes counts as whole numbers beside figures with two decimals, in the language’s format', async () => {
    expect(await cells('sv')).toEqual(['11', '2,50']);
    expect(await cells('en')).toEqual(['11', '2.50']);
  });
});

describe('exportFileName', () => {
  it('says what, whom and when, in letters every system accepts', () => {
    expect(exportFileName(['Närvaro', 'Solgårdens vård- och omsorgsboende'], 'xlsx', '2026-12-06')).toBe(
      'narvaro-solgardens-vard-och-omsorgsboende-2026-12-06.xlsx',
    );
    expect(exportFileName(['team-vikarier', null], 'csv', '2026-12-06')).toBe('team-vikarier-2026-12-06.csv');
  });
});
