import { Component, inject, output } from '@angular/core';
import { ApiRoutes, SetLanguageRequest, STAFF_LANGUAGE_NAMES, STAFF_LANGUAGES, StaffLanguage, isStaffLanguage } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { Session } from '../core/session';
import { I18n, TranslatePipe } from './i18n';

/**
 * The language menu in the page header, the sign-in page and the kiosk. Signed in, the choice is kept on the account
 * as well, so the person picks it once for every device. On the kiosk it is for the person answering now only.
 */
@Component({
  selector: 'k-language-picker',
  imports: [TranslatePipe],
  template: `
    <label class="language">
      <span class="visually-hidden">{{ 'app.language' | t }}</span>
      <select [value]="i18n.chosen()" (change)="choose($event)">
        @for (code of languages; track code) {
          <option [value]="code" [attr.lang]="code" [selected]="code === i18n.chosen()">{{ names[code] }}</option>
        }
      </select>
    </label>
  `,
})
export class LanguagePicker {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  private readonly client = inject(ApiClient);
  protected readonly languages = STAFF_LANGUAGES;
  protected readonly names = STAFF_LANGUAGE_NAMES;
  /** The language picked, once it is shown (the kiosk keeps it for the person answering). */
  readonly picked = output<StaffLanguage>();

  protected async choose(event: Event): Promise<void> {
    const language = (event.target as HTMLSelectElement).value;
    if (!isStaffLanguage(language)) return;
    if (this.session.kiosk()) {
      await this.i18n.useForNow(language);
    } else {
      await this.i18n.setLanguage(language);
      if (this.session.user()) await this.remember(language);
    }
    this.picked.emit(language);
  }

  private async remember(language: StaffLanguage): Promise<void> {
    try {
      const request: SetLanguageRequest = { preferredLanguage: language };
      this.session.user.set(await this.client.call('PUT', ApiRoutes.auth.language, { body: request }));
    } catch {
      /* shown in this language anyway; the account keeps the earlier one until the next try */
    }
  }
}
