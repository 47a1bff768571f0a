import { Component, computed, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  ApiRoutes,
  FieldError,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SessionInfo,
  SetLanguageRequest,
  STAFF_LANGUAGE_NAMES,
  STAFF_LANGUAGES,
  StaffLanguage,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';
import { remoteOnce } from '../core/remote';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { Session } from '../core/session';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { roleKey } from '../i18n/labels';
import { FeedPanel } from '../calendar/feed-panel';
import { describeDevice } from './device';

/** The signed-in person's own account: password, where they are signed in, and language. */
@Component({
  selector: 'k-account-page',
  imports: [ScrollRegion, FormsModule, TranslatePipe, DateFormatPipe, RouterLink, FeedPanel],
  changeDetection: ChangeDetectionStrategy.Eager,
  templateUrl: './account-page.html',
})
export class AccountPage {
  protected readonly session = inject(Session);
  private readonly client = inject(ApiClient);
  protected readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly roleKey = roleKey;
  protected readonly describeDevice = describeDevice;
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;

  protected currentPassword = '';
  protected newPassword = '';
  protected repeatPassword = '';
  protected showPassword = false;
  protected readonly passwordBusy = signal(false);
  protected readonly passwordProblem = signal<Problem | null>(null);
  protected readonly passwordChanged = signal(false);

  protected readonly sessions = remoteOnce<SessionInfo[]>(() => this.client.call('GET', ApiRoutes.auth.sessions));
  protected readonly sessionProblem = signal<Problem | null>(null);
  protected readonly sessionBusy = signal<string | null>(null);
  protected readonly others = computed(() => (this.sessions.value() ?? []).filter((entry) => !entry.current));

  protected language: StaffLanguage = this.i18n.chosen();
  protected readonly languages = STAFF_LANGUAGES;
  protected readonly languageNames = STAFF_LANGUAGE_NAMES;
  protected readonly languageBusy = signal(false);
  protected readonly languageSaved = signal<TranslationKey | null>(null);
  protected readonly languageProblem = signal<Problem | null>(null);

  protected passwordError(field: string): string | null {
    return fieldMessage(this.passwordProblem(), field);
  }

  protected async changePassword(): Promise<void> {
    this.passwordChanged.set(false);
    const fields: FieldError[] = [];
    if (!this.currentPassword) fields.push({ field: 'currentPassword', message: this.i18n.t('account.password.currentMissing') });
    if (this.newPassword.length < this.min) fields.push({ field: 'newPassword', message: this.i18n.t('password.tooShort', { min: this.min }) });
    else if (this.newPassword.length > this.max) fields.push({ field: 'newPassword', message: this.i18n.t('password.tooLong', { max: this.max }) });
    else if (this.newPassword !== this.repeatPassword) fields.push({ field: 'repeatPassword', message: this.i18n.t('password.mismatch') });
    if (fields.length) {
      this.passwordProblem.set(localProblem(fields));
      return;
    }
    this.passwordBusy.set(true);
    this.passwordProblem.set(null);
    try {
      await this.client.call('PUT', ApiRoutes.auth.password, { body: { currentPassword: this.currentPassword, newPassword: this.newPassword } });
      this.currentPassword = '';
      this.newPassword = '';
      this.repeatPassword = '';
      this.passwordChanged.set(true);
      // Changing the password ends the other sign-ins.
      this.sessions.reload();
    } catch (error) {
      this.passwordProblem.set(problemOf(error));
    } finally {
      this.passwordBusy.set(false);
    }
  }

  protected async endSession(entry: SessionInfo): Promise<void> {
    if (entry.current) {
      await this.session.signOut();
      return;
    }
    this.sessionBusy.set(entry.id);
    this.sessionProblem.set(null);
    try {
      await this.client.call('DELETE', ApiRoutes.auth.session, { params: { sessionId: entry.id } });
      this.forget(entry);
      this.sessions.reload();
    } catch (error) {
      this.sessionProblem.set(problemOf(error));
    } finally {
      this.sessionBusy.set(null);
    }
  }

  protected async endOthers(): Promise<void> {
    this.sessionBusy.set('others');
    this.sessionProblem.set(null);
    try {
      for (const entry of this.others()) {
        await this.client.call('DELETE', ApiRoutes.auth.session, { params: { sessionId: entry.id } });
        this.forget(entry);
      }
      this.sessions.reload();
    } catch (error) {
      this.sessionProblem.set(problemOf(error));
    } finally {
      this.sessionBusy.set(null);
    }
  }

  /** Takes an ended sign-in off the list at once, so it cannot be ended twice while the list reloads. */
  private forget(ended: SessionInfo): void {
    this.sessions.update((list) => (list ?? []).filter((entry) => entry.id !== ended.id));
  }

  /**
   * Switches the interface now (remembered on this device) and saves the choice on the person's own record,
   * used at every sign-in and for the server's messages. Everyone may set their own language.
   */
  protected async saveLanguage(): Promise<void> {
    if (!this.session.user()) return;
    this.languageBusy.set(true);
    this.languageSaved.set(null);
    this.languageProblem.set(null);
    await this.i18n.setLanguage(this.language);
    try {
      const request: SetLanguageRequest = { preferredLanguage: this.language };
      this.session.user.set(await this.client.call('PUT', ApiRoutes.auth.language, { body: request }));
      this.languageSaved.set('account.language.saved');
    } catch (error) {
      this.languageProblem.set(problemOf(error));
    } finally {
      this.languageBusy.set(false);
    }
  }
}
