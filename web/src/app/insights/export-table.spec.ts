import { TestBed } from '@angular/core/testing';
import { toXlsx } from '@kunna/table-export';
import { I18n } from '../i18n/i18n';
import { insightPagesSv } from '../i18n/insight-pages.sv';
import { ExportTable, exportFileName } from './export-table';

jest.mock('@kunna/table-export', () => ({ ...jest.requireActual('@kunna/table-export'), toXlsx: jest.fn() }));
const toXlsxMock = toXlsx as jest.MockedFunction<typeof toXlsx>;

// jsdom has no ResizeObserver (the table's scroll region measures itself with one); nothing overflows here.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

describe('ExportTable XLSX button', () => {
  let downloads: string[];

  beforeEach(() => {
    TestBed.resetTestingModule();
    // The table's texts come with the insight pages' chunk, as its pages load them.
    TestBed.inject(I18n).addSwedish(insightPagesSv);
    toXlsxMock.mockReset();
    downloads = [];
    URL.createObjectURL = jest.fn(() => 'blob:xlsx');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  async function render() {
    const fixture = TestBed.createComponent(ExportTable);
    fixture.componentRef.setInput('caption', 'Deltagande');
    fixture.componentRef.setInput('headers', ['Enhet', 'Timmar']);
    fixture.componentRef.setInput('rows', [['Solgården', 2.5]]);
    fixture.componentRef.setInput('fileName', 'deltagande');
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const clickXlsx = async () => {
      element.querySelector<HTMLButtonElement>('button[aria-label^="Ladda ner Excel"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    };
    return { element, clickXlsx };
  }

  it('downloads the workbook of the shown table', async () => {
    toXlsxMock.mockResolvedValue(new Uint8Array([80, 75]));
    const { element, clickXlsx } = await render();
    await clickXlsx();
    expect(toXlsxMock).toHaveBeenCalledWith([{ name: 'Deltagande', headers: ['Enhet', 'Timmar'], rows: [['Solgården', 2.5]] }]);
    expect(downloads).toEqual([exportFileName(['deltagande'], 'xlsx')]);
    expect(element.querySelector('[role=alert]')).toBeNull();
  });

  it('says so in an alert when the workbook cannot be made (exceljs not loaded), and clears it on the next try', async () => {
    toXlsxMock.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'));
    const { element, clickXlsx } = await render();
    await clickXlsx();
    expect(downloads).toEqual([]);
    expect(element.querySelector('[aria-live=assertive] [role=alert]')?.textContent).toContain('Excel-filen kunde inte skapas.');
    toXlsxMock.mockResolvedValueOnce(new Uint8Array([80, 75]));
    await clickXlsx();
    expect(downloads).toEqual([exportFileName(['deltagande'], 'xlsx')]);
    expect(element.querySelector('[role=alert]')).toBeNull();
  });
});
