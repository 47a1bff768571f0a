import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../i18n/i18n';
import { sv } from '../i18n/sv';
import { signedInSv } from '../i18n/signed-in.sv';
import { Shell } from './shell';

describe('Shell', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  it("brings the signed-in pages' Swedish texts, which the first download leaves out", async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.ready;
    expect('notifications' in sv).toBe(false);
    expect(i18n.t('today.mine.title')).toBe('today.mine.title');

    const fixture = TestBed.createComponent(Shell);
    fixture.detectChanges();
    await fixture.whenStable();

    expect(i18n.t('today.mine.title')).toBe(signedInSv.today.mine.title);
    const bell: HTMLElement = fixture.nativeElement.querySelector('a.bell');
    expect(bell.textContent).toContain(signedInSv.notifications.nav);
  });
});
