import { TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { signedInSv } from '../i18n/signed-in.sv';
import { PercentPipe, plural } from './formatting';

describe('start page plurals and numbers', () => {
  let i18n: I18n;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    i18n = TestBed.inject(I18n);
    await i18n.ready;
    // As the shell does for every page inside it (the start page's texts are not in the first download).
    i18n.addSwedish(signedInSv);
  });
  afterEach(() => localStorage.clear());

  it('picks the Swedish singular for 1 and the plural otherwise, with the count formatted by Intl', () => {
    expect(plural(i18n, 'today.counts.sessionsAttended', 1)).toBe('1 tillfälle');
    expect(plural(i18n, 'today.counts.sessionsAttended', 0)).toBe('0 tillfällen');
    expect(plural(i18n, 'today.counts.sessionsAttended', 2)).toBe('2 tillfällen');
    expect(plural(i18n, 'today.counts.hours', 1.5)).toBe('1,5 timmar');
    // sv-SE groups thousands with a no-break space.
    expect(plural(i18n, 'today.counts.hours', 1234)).toBe('1\u00a0234 timmar');
    expect(plural(i18n, 'today.counts.answered', 1, { invited: 5 })).toBe('1 av 5 har svarat');
  });

  it('does the same in English', async () => {
    await i18n.setLanguage('en');
    expect(plural(i18n, 'today.counts.catchUp', 1)).toBe('1 person to catch up');
    expect(plural(i18n, 'today.counts.catchUp', 3)).toBe('3 people to catch up');
    expect(plural(i18n, 'today.counts.hours', 1234.5)).toBe('1,234.5 hours');
    expect(plural(i18n, 'today.counts.answered', 1, { invited: 5 })).toBe('1 of 5 has answered');
    expect(plural(i18n, 'today.counts.answered', 2, { invited: 5 })).toBe('2 of 5 have answered');
  });

  it('formats percentages per language', async () => {
    const pipe = TestBed.runInInjectionContext(() => new PercentPipe());
    expect(pipe.transform(63.6)).toBe('63,6\u00a0%');
    expect(pipe.transform(null)).toBe('');
    await i18n.setLanguage('en');
    expect(pipe.transform(63.6)).toBe('63.6%');
  });
});
