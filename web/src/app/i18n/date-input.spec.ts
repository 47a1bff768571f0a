import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DateInput, formatDateInput, parseDateInput } from './date-input';
import { I18n } from './i18n';

describe('date fields in the language’s format', () => {
  it('writes a date as Swedish and British people write it', () => {
    expect(formatDateInput('sv-SE', '2026-12-24')).toBe('2026-12-24');
    expect(formatDateInput('en-GB', '2026-12-24')).toBe('24/12/2026');
    expect(formatDateInput('en-GB', '')).toBe('');
  });

  it('reads a typed date in the language’s order, and ISO dates in any language', () => {
    expect(parseDateInput('sv-SE', '2026-12-24')).toBe('2026-12-24');
    expect(parseDateInput('sv-SE', '2026 12 4')).toBe('2026-12-04');
    expect(parseDateInput('en-GB', '24/12/2026')).toBe('2026-12-24');
    expect(parseDateInput('en-GB', '4.1.2026')).toBe('2026-01-04');
    expect(parseDateInput('en-GB', '2026-12-24')).toBe('2026-12-24');
  });

  it('refuses what is not a date that exists', () => {
    expect(parseDateInput('en-GB', '31/02/2026')).toBeNull();
    expect(parseDateInput('en-GB', '12/24/2026')).toBeNull();
    expect(parseDateInput('sv-SE', '24/12/26')).toBeNull();
    expect(parseDateInput('sv-SE', 'igår')).toBeNull();
  });
});

@Component({
  imports: [DateInput],
  template: `<label for="d">Datum</label><k-date-input inputId="d" [(value)]="date" />`,
})
class Host {
  readonly date = signal('2026-12-24');
}

describe('DateInput', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
  });

  it('shows the value in the page’s language and hands back YYYY-MM-DD', async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.setLanguage('en');
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const field = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input#d')!;
    expect(field.value).toBe('24/12/2026');
    expect(field.placeholder).toBe('DD/MM/YYYY');

    field.value = '5/1/2027';
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(fixture.componentInstance.date()).toBe('2027-01-05');

    await i18n.setLanguage('sv');
    await fixture.whenStable();
    expect(field.value).toBe('2027-01-05');
    expect(field.placeholder).toBe('ÅÅÅÅ-MM-DD');
  });
});
